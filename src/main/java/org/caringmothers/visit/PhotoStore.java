package org.caringmothers.visit;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.caringmothers.common.RuleViolationException;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Keeps contact photos: only real JPEG or PNG images of at most 10 MB are accepted; each
 * is decoded and written again as a JPEG of at most {@value #MAX_SIDE} pixels a side,
 * which leaves every piece of metadata (GPS position, camera, time) behind. The bytes are
 * kept by a {@link PhotoStorage} (PostgreSQL by default), never under the web root, and
 * are only ever served through a controller that checks who may see the child.
 */
@Component
public class PhotoStore {

	public static final int MAX_PHOTOS = 3;

	public static final long MAX_BYTES = 10L * 1024 * 1024;

	static final int MAX_SIDE = 1600;

	private static final Set<String> TYPES = Set.of("image/jpeg", "image/png");

	private final PhotoStorage storage;

	PhotoStore(PhotoStorage storage) {
		this.storage = storage;
	}

	/** The uploads that carry a file, checked before anything is stored. */
	static java.util.List<MultipartFile> chosen(java.util.List<MultipartFile> uploads) {
		return uploads == null ? java.util.List.of() : uploads.stream().filter(file -> !file.isEmpty()).toList();
	}

	/** Checks the uploads; the message key of the first problem, or {@code null}. */
	static String problem(java.util.List<MultipartFile> uploads) {
		java.util.List<MultipartFile> files = chosen(uploads);
		if (files.size() > MAX_PHOTOS) {
			return "visit.photo.tooMany";
		}
		for (MultipartFile file : files) {
			if (file.getSize() > MAX_BYTES) {
				return "visit.photo.tooLarge";
			}
			if (file.getContentType() == null || !TYPES.contains(file.getContentType().toLowerCase())) {
				return "visit.photo.type";
			}
		}
		return null;
	}

	/** A stored, cleaned copy of the upload. */
	public Stored store(MultipartFile upload) {
		BufferedImage image;
		try (InputStream in = upload.getInputStream()) {
			image = ImageIO.read(in);
		}
		catch (IOException ex) {
			image = null;
		}
		if (image == null) {
			throw new RuleViolationException("photos", "visit.photo.type");
		}
		BufferedImage clean = downscale(image);
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(clean, "jpg", out);
			String name = UUID.randomUUID() + ".jpg";
			this.storage.save(name, new ByteArrayInputStream(out.toByteArray()));
			return new Stored(name, clean.getWidth(), clean.getHeight(), out.size());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Streams a stored photo to {@code out}, one chunk at a time. */
	public void writeTo(String storedName, OutputStream out) {
		try {
			if (!this.storage.writeTo(storedName, out)) {
				throw new UncheckedIOException(new FileNotFoundException(storedName));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Removes a stored photo's file; one already gone is no error, a failure is left for
	 * the next clean-up.
	 */
	public void delete(String storedName) {
		this.storage.delete(storedName);
	}

	private static BufferedImage downscale(BufferedImage image) {
		double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
		int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = target.createGraphics();
		graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		graphics.setColor(java.awt.Color.WHITE);
		graphics.fillRect(0, 0, width, height);
		graphics.drawImage(image, 0, 0, width, height, null);
		graphics.dispose();
		return target;
	}

	/** A stored photo: its file name and what it became. */
	public record Stored(String name, int width, int height, int bytes) {
	}

}

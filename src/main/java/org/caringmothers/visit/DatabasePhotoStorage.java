package org.caringmothers.visit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos in PostgreSQL, in chunks of {@value #CHUNK} bytes ({@code photo_chunk}): a photo
 * is written and served one chunk at a time, never held whole in memory. Photos stored as
 * files by earlier versions (under {@code caringmothers.photos.dir}) are still served
 * from there until they are copied in.
 */
@Component
class DatabasePhotoStorage implements PhotoStorage {

	static final int CHUNK = 256 * 1024;

	private final JdbcTemplate jdbc;

	private final Path legacyDirectory;

	DatabasePhotoStorage(JdbcTemplate jdbc, @Value("${caringmothers.photos.dir:data/photos}") String legacyDirectory) {
		this.jdbc = jdbc;
		this.legacyDirectory = Path.of(legacyDirectory).toAbsolutePath();
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void save(String name, InputStream content) throws IOException {
		byte[] buffer = new byte[CHUNK];
		int seq = 0;
		while (true) {
			int length = content.readNBytes(buffer, 0, CHUNK);
			if (length == 0 && seq > 0) {
				return;
			}
			byte[] chunk = (length == CHUNK) ? buffer : java.util.Arrays.copyOf(buffer, length);
			this.jdbc.update("insert into photo_chunk (name, seq, bytes) values (?, ?, ?)", name, seq++, chunk);
			if (length < CHUNK) {
				return;
			}
		}
	}

	@Override
	@Transactional(readOnly = true)
	public boolean writeTo(String name, OutputStream out) throws IOException {
		AtomicBoolean found = new AtomicBoolean();
		try {
			this.jdbc.query((connection) -> {
				var statement = connection
					.prepareStatement("select bytes from photo_chunk where name = ? order by seq");
				statement.setFetchSize(1);
				statement.setString(1, name);
				return statement;
			}, (rs) -> {
				found.set(true);
				try {
					out.write(rs.getBytes(1));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		if (found.get()) {
			return true;
		}
		Path legacy = this.legacyDirectory.resolve(Path.of(name).getFileName());
		if (Files.isRegularFile(legacy)) {
			Files.copy(legacy, out);
			return true;
		}
		return false;
	}

	@Override
	public void delete(String name) {
		this.jdbc.update("delete from photo_chunk where name = ?", name);
	}

}

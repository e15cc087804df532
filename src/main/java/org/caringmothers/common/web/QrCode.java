package org.caringmothers.common.web;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code made on the server, drawn as one SVG path (crisp on paper and on screen, no
 * image request, nothing inline but markup under the Content-Security-Policy). A page
 * draws it as {@code <svg th:attr="viewBox=|0 0 ${qr.size} ${qr.size}|"><path th:attr=
 * "d=${qr.path}"/></svg>}.
 *
 * @param size modules per side, the quiet zone included
 * @param path the dark modules as an SVG path of unit squares
 */
public record QrCode(int size, String path) {

	private static final int QUIET_ZONE = 4;

	public static QrCode of(String text) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Cannot encode a QR code of " + text.length() + " characters", ex);
		}
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			int x = 0;
			while (x < matrix.getWidth()) {
				if (!matrix.get(x, y)) {
					x++;
					continue;
				}
				int run = 1;
				while (x + run < matrix.getWidth() && matrix.get(x + run, y)) {
					run++;
				}
				path.append('M')
					.append(x + QUIET_ZONE)
					.append(' ')
					.append(y + QUIET_ZONE)
					.append('h')
					.append(run)
					.append("v1h-")
					.append(run)
					.append('z');
				x += run;
			}
		}
		return new QrCode(matrix.getWidth() + 2 * QUIET_ZONE, path.toString());
	}

}

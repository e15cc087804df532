package org.caringmothers.common.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodeTests {

	private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z");

	@Test
	void theDrawnPathReadsBackAsTheText() throws Exception {
		String address = "https://aixin.example.cn/activate?u=wangxiuying27";
		QrCode qr = QrCode.of(address);
		assertThat(decode(qr)).isEqualTo(address);
	}

	@Test
	void chineseTextReadsBackToo() throws Exception {
		assertThat(decode(QrCode.of("娄烦爱心妈妈 · 登录"))).isEqualTo("娄烦爱心妈妈 · 登录");
	}

	/**
	 * Paints the path's unit squares, four pixels each, and reads the code with ZXing.
	 */
	private static String decode(QrCode qr) throws Exception {
		int scale = 4;
		int side = qr.size() * scale;
		int[] pixels = new int[side * side];
		java.util.Arrays.fill(pixels, 0xFFFFFF);
		Matcher run = RUN.matcher(qr.path());
		int end = 0;
		while (run.find()) {
			assertThat(run.start()).as("the path is nothing but runs").isEqualTo(end);
			end = run.end();
			int x = Integer.parseInt(run.group(1));
			int y = Integer.parseInt(run.group(2));
			int length = Integer.parseInt(run.group(3));
			for (int dy = 0; dy < scale; dy++) {
				for (int dx = 0; dx < length * scale; dx++) {
					pixels[(y * scale + dy) * side + x * scale + dx] = 0;
				}
			}
		}
		assertThat(end).isEqualTo(qr.path().length());
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
		return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
	}

}

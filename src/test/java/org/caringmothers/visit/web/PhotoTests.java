package org.caringmothers.visit.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.caringmothers.common.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caringmothers.common.DemoUsers.LOUFAN_MOTHER;
import static org.caringmothers.common.DemoUsers.LOUFAN_STAFF;
import static org.caringmothers.common.DemoUsers.SHENCHI_STAFF;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Contact photos: cleaned of metadata, downscaled, and shown only to those who may see
 * the child.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PhotoTests {

	private static final String MARKER = "GPS-LAT-38.1234-LON-111.5678";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	DemoUsers users;

	@BeforeEach
	void setUp() {
		this.users = new DemoUsers(this.userDetails);
	}

	@Test
	void aPhotoIsStrippedDownscaledAndServedOnlyWithinScope() throws Exception {
		long pairing = pairing();
		this.mvc
			.perform(contact(pairing)
				.file(new MockMultipartFile("photos", "big.jpg", "image/jpeg", jpegWithMetadata(3000, 2000)))
				.with(this.users.as(LOUFAN_MOTHER)))
			.andExpect(status().is3xxRedirection());
		long photo = this.jdbc.queryForObject(
				"select max(p.id) from visit_photo p join visit v on v.id = p.visit_id where v.pairing_id = ?",
				Long.class, pairing);
		byte[] served = this.mvc.perform(get("/photos/" + photo).with(this.users.as(LOUFAN_MOTHER)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			// kept by no cache beyond the page that shows it
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(header().string("Cache-Control", containsString("private")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(served));
		assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(1600);
		assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain(MARKER).doesNotContain("Exif");
		// streamed from the stored chunks, byte for byte
		assertThat(served).isEqualTo(this.jdbc
			.queryForObject("select string_agg(c.bytes, ''::bytea order by c.seq) from photo_chunk c join visit_photo p"
					+ " on p.stored_name = c.name where p.id = ?", byte[].class, photo));
		this.mvc.perform(get("/photos/" + photo).with(this.users.as(LOUFAN_STAFF))).andExpect(status().isOk());
		this.mvc.perform(get("/photos/" + photo).with(this.users.as(SHENCHI_STAFF))).andExpect(status().isNotFound());
		this.mvc.perform(get("/photos/" + photo)).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/visits/review").with(this.users.as(LOUFAN_STAFF)))
			.andExpect(content().string(containsString("/photos/" + photo)));
	}

	@Test
	void onlyUpToThreeRealJpegOrPngPhotosAreAccepted() throws Exception {
		long pairing = pairing();
		long before = this.jdbc.queryForObject("select count(*) from visit", Long.class);
		byte[] small = jpegWithMetadata(40, 30);
		MockMultipartHttpServletRequestBuilder four = contact(pairing);
		for (int i = 0; i < 4; i++) {
			four.file(new MockMultipartFile("photos", "p" + i + ".jpg", "image/jpeg", small));
		}
		this.mvc.perform(four.with(this.users.as(LOUFAN_MOTHER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("最多上传 3 张照片")));
		this.mvc
			.perform(contact(pairing).file(new MockMultipartFile("photos", "doc.pdf", "application/pdf", small))
				.with(this.users.as(LOUFAN_MOTHER)))
			.andExpect(content().string(containsString("只能上传 JPEG 或 PNG 照片")));
		this.mvc
			.perform(contact(pairing)
				.file(new MockMultipartFile("photos", "fake.jpg", "image/jpeg", "not an image".getBytes()))
				.with(this.users.as(LOUFAN_MOTHER)))
			.andExpect(content().string(containsString("只能上传 JPEG 或 PNG 照片")));
		assertThat(this.jdbc.queryForObject("select count(*) from visit", Long.class)).isEqualTo(before);
	}

	private MockMultipartHttpServletRequestBuilder contact(long pairing) {
		MockMultipartHttpServletRequestBuilder request = multipart("/my/pairings/" + pairing + "/visits");
		request.param("visitDate", LocalDate.now().toString())
			.param("mode", "HOME_VISIT")
			.param("durationMinutes", "30")
			.param("careTypes", "COMFORT")
			.param("childMood", "GOOD")
			.param("clientToken", UUID.randomUUID().toString())
			.with(csrf());
		return request;
	}

	private long pairing() {
		return this.jdbc.queryForObject("""
				select max(p.id) from pairing p join volunteer v on v.id = p.volunteer_id
				join app_user a on a.id = v.account_id where a.username = 'loufan.mother' and p.end_date is null""",
				Long.class);
	}

	/**
	 * A JPEG with an Exif segment carrying a location marker, as phone cameras write
	 * them.
	 */
	private static byte[] jpegWithMetadata(int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", plain);
		byte[] jpeg = plain.toByteArray();
		byte[] payload = ("Exif\0\0" + MARKER).getBytes(StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		int length = payload.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.write(payload);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

}

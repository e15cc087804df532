package org.caringmothers.deploy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo mother of 娄烦 on her phone, as the deployment tests drive her: signed in on one
 * instance, she logs a home visit with one photo on her latest active pairing.
 *
 * @param phone her signed-in browser
 * @param photo the id of the photo she uploaded
 */
record DemoMother(WebClient phone, long photo) {

	static final String USERNAME = "loufan.mother";

	static final String PASSWORD = "aixin-demo-2026";

	/**
	 * Signs her in on the application and logs a contact with a JPEG of the given size.
	 */
	static DemoMother logsAContactWithAPhoto(ConfigurableApplicationContext application, int width, int height)
			throws Exception {
		int port = ServerDatabase.port(application);
		JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
		long pairing = jdbc.queryForObject("""
				select max(p.id) from pairing p join volunteer v on v.id = p.volunteer_id
				join app_user a on a.id = v.account_id where a.username = ? and p.end_date is null""", Long.class,
				USERNAME);
		WebClient phone = new WebClient();
		phone.signIn(port, USERNAME, PASSWORD);
		assertThat(phone.get(port, "/my/pairings/" + pairing + "/visits/new").statusCode()).isEqualTo(200);
		HttpResponse<String> sent = phone.postMultipart(port, "/my/pairings/" + pairing + "/visits",
				Map.of("visitDate", LocalDate.now().toString(), "mode", "HOME_VISIT", "durationMinutes", "30",
						"careTypes", "COMFORT", "childMood", "GOOD", "clientToken", UUID.randomUUID().toString()),
				"photos", "photo.jpg", "image/jpeg", jpeg(width, height));
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
		long photo = jdbc.queryForObject(
				"select max(p.id) from visit_photo p join visit v on v.id = p.visit_id where v.pairing_id = ?",
				Long.class, pairing);
		return new DemoMother(phone, photo);
	}

	static byte[] jpeg(int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

}

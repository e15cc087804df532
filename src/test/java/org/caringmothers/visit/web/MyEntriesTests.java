package org.caringmothers.visit.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caringmothers.common.DemoUsers.LOUFAN_MOTHER;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Her recent entries on the child's card, and photos added to or removed from an entry
 * while it can still be corrected.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MyEntriesTests {

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
	void theChildsCardListsHerEntriesOfTheLastSevenDaysWithAnEditLink() throws Exception {
		long pairing = myPairing();
		page(contact(pairing)).andExpect(status().is3xxRedirection());
		long visit = latestVisit(pairing);
		page(get("/")).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-visit=\"" + visit + "\"")))
			.andExpect(content().string(containsString("/my/visits/" + visit + "/edit")));

		this.jdbc.update("update visit set created_at = now() - interval '8 days' where id = ?", visit);
		page(get("/")).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-visit=\"" + visit + "\""))));
	}

	@Test
	void theFullListShowsHerEditableEntriesOnlyOnHerOwnPairingsAndIsAudited() throws Exception {
		long pairing = myPairing();
		page(contact(pairing)).andExpect(status().is3xxRedirection());
		long visit = latestVisit(pairing);
		long audited = audited();
		page(get("/my/visits").param("pairing", String.valueOf(pairing))).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-visit=\"" + visit + "\"")))
			.andExpect(content().string(containsString("/my/visits/" + visit + "/edit")));
		assertThat(audited()).as("her look at the list is audited").isEqualTo(audited + 1);
		page(get("/my/visits").param("lang", "en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("My recent entries")))
			.andExpect(content().string(containsString("data-visit=\"" + visit + "\"")));

		this.jdbc.update("update visit set created_at = now() - interval '8 days' where id = ?", visit);
		page(get("/my/visits")).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-visit=\"" + visit + "\""))));

		long othersPairing = this.jdbc.queryForObject("""
				select p.id from pairing p join volunteer v on v.id = p.volunteer_id
				where p.end_date is null and (v.account_id is null or v.account_id <> (select id from app_user
				  where username = 'loufan.mother')) order by p.id limit 1""", Long.class);
		page(get("/my/visits").param("pairing", String.valueOf(othersPairing))).andExpect(status().isNotFound());
		page(get("/my/visits").param("pairing", "x<y")).andExpect(status().is4xxClientError());
		page(get("/my/visits").param("page", "-3")).andExpect(status().isOk());
	}

	private long audited() {
		return this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'VIEW' and summary like 'list /my/visits%'",
				Long.class);
	}

	@Test
	void sheRemovesAPhotoAndAddsAnotherWhileTheEntryIsEditable() throws Exception {
		long pairing = myPairing();
		page(contact(pairing).file(photo("first.jpg")).file(photo("second.jpg")))
			.andExpect(status().is3xxRedirection());
		long visit = latestVisit(pairing);
		List<Long> before = photos(visit);
		assertThat(before).hasSize(2);

		page(get("/my/visits/" + visit + "/edit")).andExpect(status().isOk())
			.andExpect(content().string(containsString("removePhotos-" + before.get(0))));
		page(edit(visit, 0).file(photo("third.jpg")).param("removePhotos", String.valueOf(before.get(0))))
			.andExpect(status().is3xxRedirection());

		List<Long> after = photos(visit);
		assertThat(after).hasSize(2).contains(before.get(1)).doesNotContain(before.get(0));
		assertThat(this.jdbc.queryForObject("""
				select summary from audit_entry where action = 'UPDATE' and record_type = 'VISIT' and record_id = ?
				order by id desc limit 1""", String.class, visit)).isEqualTo("photos +1 -1");
	}

	@Test
	void moreThanThreePhotosOrALockedEntryChangeNothing() throws Exception {
		long pairing = myPairing();
		page(contact(pairing).file(photo("first.jpg")).file(photo("second.jpg")))
			.andExpect(status().is3xxRedirection());
		long visit = latestVisit(pairing);
		List<Long> before = photos(visit);

		page(edit(visit, 0).file(photo("a.jpg")).file(photo("b.jpg"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("最多上传 3 张照片")));
		assertThat(photos(visit)).isEqualTo(before);

		this.jdbc.update("update visit set created_at = now() - interval '8 days' where id = ?", visit);
		page(edit(visit, 0).param("removePhotos", String.valueOf(before.get(0)))).andExpect(status().isOk())
			.andExpect(content().string(containsString("已不能修改")));
		assertThat(photos(visit)).isEqualTo(before);
	}

	@Test
	void aPhotoOfAnotherEntryCannotBeRemovedThroughHers() throws Exception {
		long pairing = myPairing();
		page(contact(pairing).file(photo("other.jpg"))).andExpect(status().is3xxRedirection());
		long other = latestVisit(pairing);
		long otherPhoto = photos(other).get(0);
		page(contact(pairing)).andExpect(status().is3xxRedirection());
		long visit = latestVisit(pairing);
		page(edit(visit, 0).param("removePhotos", String.valueOf(otherPhoto))).andExpect(status().is3xxRedirection());
		assertThat(photos(other)).containsExactly(otherPhoto);
	}

	private MockMultipartHttpServletRequestBuilder contact(long pairing) {
		MockMultipartHttpServletRequestBuilder request = multipart("/my/pairings/" + pairing + "/visits");
		request.with(csrf())
			.param("visitDate", LocalDate.now().toString())
			.param("mode", "PHONE")
			.param("durationMinutes", "20")
			.param("careTypes", "COMFORT")
			.param("childMood", "GOOD")
			.param("clientToken", UUID.randomUUID().toString());
		return request;
	}

	private MockMultipartHttpServletRequestBuilder edit(long visit, long version) {
		MockMultipartHttpServletRequestBuilder request = multipart("/my/visits/" + visit + "/edit");
		request.with(csrf())
			.param("visitDate", LocalDate.now().toString())
			.param("mode", "PHONE")
			.param("durationMinutes", "25")
			.param("careTypes", "COMFORT")
			.param("childMood", "GOOD")
			.param("clientToken", "edit-token-" + visit)
			.param("version", String.valueOf(version));
		return request;
	}

	private ResultActions page(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return this.mvc.perform(request.with(this.users.as(LOUFAN_MOTHER)));
	}

	private long myPairing() {
		return this.jdbc.queryForObject(
				"""
						select p.id from pairing p join volunteer v on v.id = p.volunteer_id join app_user a on a.id = v.account_id
						where a.username = 'loufan.mother' and p.end_date is null order by p.start_date limit 1""",
				Long.class);
	}

	private long latestVisit(long pairing) {
		return this.jdbc.queryForObject("select max(id) from visit where pairing_id = ?", Long.class, pairing);
	}

	private List<Long> photos(long visit) {
		return this.jdbc.queryForList("select id from visit_photo where visit_id = ? order by id", Long.class, visit);
	}

	private static MockMultipartFile photo(String name) throws Exception {
		BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return new MockMultipartFile("photos", name, "image/jpeg", out.toByteArray());
	}

}

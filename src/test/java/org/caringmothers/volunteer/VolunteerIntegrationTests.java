package org.caringmothers.volunteer;

import java.util.List;
import java.util.Map;

import org.caringmothers.common.Gender;
import org.caringmothers.common.DemoUsers;
import org.caringmothers.common.privacy.IdNumbers;
import org.caringmothers.common.privacy.ProtectedColumn;
import org.caringmothers.common.privacy.SensitiveDataCipher;
import org.caringmothers.common.security.CurrentUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/** Identity numbers at rest: encrypted, never plain, and found by their keyed hash. */
@SpringBootTest
class VolunteerIntegrationTests {

	@Autowired
	VolunteerService volunteers;

	@Autowired
	SensitiveDataCipher cipher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService userDetails;

	@Test
	void theStoredRowHoldsNoPlainIdNumberAndTheNumberIsFoundByItsKeyedHash() {
		CurrentUser staff = user(DemoUsers.LOUFAN_STAFF);
		String idNumber = TestIdNumbers.woman("140123");
		Volunteer saved = this.volunteers.register(form(idNumber, "140123101"), staff);
		Map<String, Object> row = this.jdbc.queryForMap(
				"select id_number_cipher, id_number_index, id_number_masked from volunteer where id = ?",
				saved.getId());
		assertThat(row.values()).allSatisfy(value -> assertThat(value.toString()).doesNotContain(idNumber)
			.doesNotContain(idNumber.substring(6, 14)));
		assertThat(this.jdbc.queryForObject("select row_to_json(v)::text from volunteer v where id = ?", String.class,
				saved.getId()))
			.doesNotContain(idNumber);
		assertThat(this.cipher.decrypt(ProtectedColumn.VOLUNTEER_ID_NUMBER, (String) row.get("id_number_cipher")))
			.isEqualTo(idNumber);

		assertThat(this.volunteers.findByIdNumber(idNumber, staff)).map(Volunteer::getId).contains(saved.getId());
		assertThat(this.volunteers.findByIdNumber(idNumber.toLowerCase(), staff)).isPresent();
		assertThat(this.volunteers.findByIdNumber(TestIdNumbers.woman("140123"), staff)).isEmpty();
		assertThat(this.volunteers.findByIdNumber(idNumber, user(DemoUsers.SHENCHI_STAFF)))
			.as("outside the scope as if it did not exist")
			.isEmpty();

		// the list's search box takes the number too, exactly and within the scope only
		assertThat(search(" " + idNumber.toLowerCase() + " ", staff)).containsExactly(saved.getId());
		assertThat(search(idNumber.substring(0, 17), staff)).isEmpty();
		assertThat(search(idNumber, user(DemoUsers.SHENCHI_STAFF))).isEmpty();
	}

	private List<Long> search(String q, CurrentUser user) {
		VolunteerFilter filter = new VolunteerFilter();
		filter.setQ(q);
		return this.volunteers.list(filter, user, org.springframework.data.domain.PageRequest.of(0, 20))
			.map(Volunteer::getId)
			.getContent();
	}

	@Test
	void noRowAnywhereHoldsAnIdNumberInTheClear() {
		assertThat(this.jdbc.queryForObject("select count(*) from volunteer", Long.class)).isGreaterThan(300);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from volunteer v
				where (to_jsonb(v) - 'id_number_index')::text ~ '[1-8][0-9]{16}[0-9X]'""", Long.class)).isZero();
		List<String> ciphers = this.jdbc.queryForList("select id_number_cipher from volunteer", String.class);
		assertThat(ciphers).allSatisfy(cipherText -> assertThat(
				IdNumbers.isValid(this.cipher.decrypt(ProtectedColumn.VOLUNTEER_ID_NUMBER, cipherText)))
			.isTrue());
	}

	private CurrentUser user(String username) {
		return (CurrentUser) this.userDetails.loadUserByUsername(username);
	}

	private static VolunteerForm form(String idNumber, String federationCode) {
		VolunteerForm form = new VolunteerForm();
		form.setName("贾素珍");
		form.setGender(Gender.FEMALE);
		form.setBirthDate(IdNumbers.birthDate(idNumber));
		form.setIdNumber(idNumber);
		form.setPhone("13512345678");
		form.setFederationCode(federationCode);
		form.setRole(VolunteerRole.MOTHER);
		return form;
	}

}

package org.caringmothers.browser;

import java.time.LocalDate;
import java.util.List;

import org.caringmothers.common.privacy.IdNumbers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new caring mother brought onto her phone by county staff alone: staff (1366 px)
 * register her, take her through screening, training and the oath, make her sign-in
 * account from her record and print the slip, and pair a child with her; she (360 × 740)
 * opens the slip's address, sets her own password with the code, sees the child and logs
 * a contact; staff then find it in the review queue.
 */
class MotherOnboardingJourneyIT extends BrowserTestSupport {

	private static final Dimension STAFF_SCREEN = new Dimension(1366, 900);

	private static final String PASSWORD = "Qiuhe-2026y";

	@Autowired
	JdbcTemplate jdbc;

	@Override
	protected Dimension initialWindowSize() {
		return STAFF_SCREEN;
	}

	@Test
	void staffBringANewMotherOntoHerPhoneAndSheLogsAContact() {
		long unique = System.nanoTime() % 100_000;
		LocalDate birth = LocalDate.of(1978, 1, 1).plusDays(unique % 3000);
		String idNumber = IdNumbers.withCheckCharacter(String.format("140123%04d%02d%02d%02d%d", birth.getYear(),
				birth.getMonthValue(), birth.getDayOfMonth(), 80 + (int) (unique % 10), 2 * (int) (unique % 5)));
		String name = "贺新梅" + unique;

		signIn(DemoUser.LOUFAN_STAFF);
		open("/volunteers/new");
		clickable(By.cssSelector("input[name='role'][value='MOTHER']")).click();
		type(By.id("name"), name);
		clickable(By.cssSelector("input[name='gender'][value='FEMALE']")).click();
		setDate(By.id("birthDate"), birth);
		type(By.id("idNumber"), idNumber);
		type(By.id("phone"), String.format("137%08d", unique));
		type(By.id("federationCode"), "140123101");
		clickAndWaitForNextPage(By.id("volunteer-submit"));
		assertThat(text(By.id("volunteer-status"))).as(onPage()).isEqualTo("已报名");
		long volunteerId = Long.parseLong(currentPath().substring("/volunteers/".length()));

		WebElement screening = visible(By.cssSelector("form.status-step[data-to='SCREENED']"));
		for (String check : new String[] { "interviewDone", "referencesChecked", "noCriminalRecord" }) {
			screening.findElement(By.id(check)).click();
		}
		clickAndWaitForNextPage(By.cssSelector("form.status-step[data-to='SCREENED'] button[type='submit']"));
		setDate(By.id("trainingDate"), LocalDate.now().minusDays(1));
		type(By.id("topic"), "爱心妈妈岗前培训");
		type(By.id("hours"), "2");
		type(By.id("trainer"), "县妇联");
		clickAndWaitForNextPage(By.cssSelector("#training-form button[type='submit']"));
		clickAndWaitForNextPage(By.cssSelector("form.status-step[data-to='TRAINED'] button[type='submit']"));
		visible(By.cssSelector("form.status-step[data-to='ACTIVE']"));
		setDate(By.id("oathDate"), LocalDate.now());
		clickAndWaitForNextPage(By.cssSelector("form.status-step[data-to='ACTIVE'] button[type='submit']"));
		assertThat(text(By.id("volunteer-status"))).as(onPage()).isEqualTo("在岗服务");

		assertThat(text(By.id("no-account"))).as(onPage()).contains("还没有登录账号");
		clickAndWaitForNextPage(By.id("create-account"));
		String proposed = visible(By.id("username")).getDomProperty("value");
		assertThat(proposed).as("a name from the pinyin of 贺新梅 " + describePage()).startsWith("hexinmei");
		clickAndWaitForNextPage(By.id("account-submit"));
		assertThat(currentPath()).isEqualTo("/volunteers/" + volunteerId + "/account/slip");
		String username = text(By.id("slip-username"));
		String code = text(By.id("slip-code"));
		assertThat(username).isEqualTo(proposed);
		assertThat(code).matches("[0-9]{4} [0-9]{4}");
		String address = text(By.id("slip-address"));
		assertThat(address).isEqualTo(baseUrl() + "/activate?u=" + username);
		assertThat(isPresent(By.cssSelector(".slip svg.slip-qr path.slip-qr-dark"))).as(onPage()).isTrue();
		assertThat(text(By.id("slip-steps"))).contains("在浏览器中打开");
		open("/volunteers/" + volunteerId + "/account/slip");
		assertThat(text(By.id("slip-gone"))).as("the code is shown once " + describePage()).contains("只显示一次");
		assertThat(text(By.tagName("main"))).doesNotContain(code);

		long childId = this.jdbc.queryForObject("""
				select max(c.id) from child c join federation f on f.id = c.federation_id
				where c.status = 'ACTIVE' and f.path like (select path || '%' from federation where code = '140123101')
				  and not exists (select 1 from pairing p where p.child_id = c.id and p.end_date is null)""",
				Long.class);
		open("/pairings/child/" + childId + "?all=true");
		String child = this.jdbc.queryForObject("select name from child where id = ?", String.class, childId);
		WebElement suggestion = visible(
				By.xpath("//ol[@id='suggestions']/li[.//div[normalize-space()='" + name + "']]"));
		clickAndWaitForNextPage(suggestion.findElement(By.cssSelector(".pair-button")));
		assertThat(text(By.id("flash-success"))).as(onPage()).contains(name);
		signOut();

		resizeWindow(PHONE);
		open("/activate?u=" + username);
		assertThat(visible(By.id("username")).getDomProperty("value")).isEqualTo(username);
		type(By.id("code"), "0000 0000");
		type(By.id("newPassword"), PASSWORD);
		type(By.id("confirmPassword"), PASSWORD);
		clickAndWaitForNextPage(By.id("activation-submit"));
		assertThat(text(By.id("code-error"))).as(onPage()).contains("激活码不正确");
		type(By.id("code"), code);
		type(By.id("newPassword"), PASSWORD);
		type(By.id("confirmPassword"), PASSWORD);
		clickAndWaitForNextPage(By.id("activation-submit"));
		assertThat(currentPath()).as(onPage()).isEqualTo("/");
		assertThat(visible(By.id("home")).getDomAttribute("data-role")).as(onPage()).isEqualTo("VOLUNTEER");
		assertThat(text(By.cssSelector("#home h1"))).isEqualTo(name + "，您好");
		WebElement card = visible(By.cssSelector(".child-card"));
		assertThat(card.getText()).as(onPage()).contains(child);
		String pairing = card.getDomAttribute("data-pairing");
		assertThat((Long) script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(360L);

		clickAndWaitForNextPage(By.cssSelector(".child-card[data-pairing='" + pairing + "'] .log-visit"));
		clickable(By.cssSelector("input[name='mode'][value='PHONE']")).click();
		type(By.id("durationMinutes"), "20");
		clickable(By.cssSelector("input[name='careTypes'][value='COMFORT']")).click();
		clickable(By.cssSelector("input[name='childMood'][value='GOOD']")).click();
		String note = "第一次电话，聊了学校的事 " + unique;
		type(By.id("notes"), note);
		clickAndWaitForNextPage(By.id("visit-submit"));
		assertThat(text(By.id("flash-success"))).as(onPage()).isNotEmpty();
		assertThat(visible(By.cssSelector(".child-card[data-pairing='" + pairing + "']")).getText()).contains("（今天）");
		assertThat(browserErrors()).isEmpty();

		// three more contacts: her home shows the latest three and leads to all four
		for (String mode : List.of("VIDEO", "SCHOOL", "HOME_VISIT")) {
			clickAndWaitForNextPage(By.cssSelector(".child-card[data-pairing='" + pairing + "'] .log-visit"));
			clickable(By.cssSelector("input[name='mode'][value='" + mode + "']")).click();
			type(By.id("durationMinutes"), "15");
			clickable(By.cssSelector("input[name='careTypes'][value='COMFORT']")).click();
			clickable(By.cssSelector("input[name='childMood'][value='GOOD']")).click();
			clickAndWaitForNextPage(By.id("visit-submit"));
			assertThat(text(By.id("flash-success"))).as(onPage()).isNotEmpty();
		}
		WebElement recent = visible(By.cssSelector(".child-card[data-pairing='" + pairing + "'] .recent-entries"));
		recent.findElement(By.tagName("summary")).click();
		assertThat(recent.findElements(By.cssSelector(".recent-entry"))).as(onPage()).hasSize(3);
		clickAndWaitForNextPage(By.cssSelector(".child-card[data-pairing='" + pairing + "'] .all-entries"));
		assertThat(text(By.tagName("h1"))).as(onPage()).contains(child);
		assertThat(driver().findElements(By.cssSelector(".my-entry"))).as(onPage()).hasSize(4);
		assertThat(text(By.id("my-entries"))).contains("电话").contains("视频").contains("入户走访");
		assertThat((Long) script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(360L);
		assertThat(browserErrors()).isEmpty();
		signOut();

		signIn(username, PASSWORD);
		assertThat(visible(By.id("home")).getDomAttribute("data-role")).as("her own password works " + describePage())
			.isEqualTo("VOLUNTEER");
		signOut();

		resizeWindow(STAFF_SCREEN);
		signIn(DemoUser.LOUFAN_STAFF);
		open("/visits/review");
		assertThat(text(By.tagName("main"))).as(onPage()).contains(note).contains(name);
		open("/volunteers/" + volunteerId);
		assertThat(text(By.id("account-state"))).as(onPage()).startsWith("已激活");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from visit v join pairing p on p.id = v.pairing_id where p.volunteer_id = ?",
				Long.class, volunteerId))
			.isEqualTo(4);
	}

	private void setDate(By input, LocalDate date) {
		script("arguments[0].value = arguments[1]", visible(input), date.toString());
	}

}

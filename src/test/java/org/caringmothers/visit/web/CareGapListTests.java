package org.caringmothers.visit.web;

import java.time.LocalDate;
import java.util.List;

import org.caringmothers.common.DemoUsers;
import org.caringmothers.dashboard.DashboardService;
import org.caringmothers.dashboard.Period;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationService;
import org.caringmothers.visit.CareDigest;
import org.caringmothers.visit.ChildCard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caringmothers.common.DemoUsers.LOUFAN_STAFF;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The full list of care gaps: the same gaps as the home page and the dashboard count, its
 * filters and pages, what it says is late; the weekly digest on the staff home page; and
 * reminders recorded as "not sent" without an SMS gateway.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CareGapListTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DashboardService dashboards;

	@Autowired
	FederationService federations;

	@Autowired
	PlatformTransactionManager transactions;

	DemoUsers users;

	@BeforeEach
	void setUp() {
		this.users = new DemoUsers(this.userDetails);
	}

	@Test
	void theFullListHoldsEveryGapTheHomePageAndTheDashboardCount() throws Exception {
		MvcResult homePage = page(get("/"), LOUFAN_STAFF);
		@SuppressWarnings("unchecked")
		List<ChildCard> tenOnHome = (List<ChildCard>) homePage.getModelAndView().getModel().get("careGaps");
		long onHomeCount = (Long) homePage.getModelAndView().getModel().get("careGapCount");
		assertThat(onHomeCount).isGreaterThan(10);
		assertThat(tenOnHome).hasSize(10).allMatch(ChildCard::isOverdue);
		List<ChildCard> onHome = homeGaps(LOUFAN_STAFF);
		assertThat(onHome).hasSize((int) onHomeCount);
		assertThat(onHome.subList(0, 10)).extracting(gap -> gap.pairing().getId())
			.isEqualTo(tenOnHome.stream().map(gap -> gap.pairing().getId()).toList());
		assertThat(onHome).isSortedAccordingTo(java.util.Comparator.comparing(ChildCard::daysOverdue).reversed());
		Page<ChildCard> first = list(get("/care-gaps"));
		assertThat(first.getTotalElements()).isEqualTo(onHome.size());
		assertThat(first.getContent()).hasSize(Math.min(onHome.size(), CareGapController.PAGE_SIZE));
		assertThat(first.getContent().get(0).pairing().getId()).isEqualTo(onHome.get(0).pairing().getId());
		Federation loufan = this.federations.findByCode("140123").orElseThrow();
		long onDashboard = this.dashboards
			.figures(loufan, Period.of(Period.Kind.THIS_MONTH, LocalDate.now(), null, null))
			.careGaps();
		assertThat(onDashboard).as("the dashboard's figure").isEqualTo(onHome.size());
		String home = page(get("/"), LOUFAN_STAFF).getResponse().getContentAsString();
		assertThat(home).contains("关爱缺口（" + onHome.size() + "）").contains("href=\"/care-gaps\"");
		if (onHome.size() > CareGapController.PAGE_SIZE) {
			Page<ChildCard> second = list(get("/care-gaps").param("page", "1"));
			assertThat(second.getContent().get(0).pairing().getId())
				.isEqualTo(onHome.get(CareGapController.PAGE_SIZE).pairing().getId());
		}
		assertThat(this.jdbc.queryForObject(
				"select summary from audit_entry where actor_username = ? and summary like 'list /care-gaps%' order by id desc limit 1",
				String.class, LOUFAN_STAFF))
			.isEqualTo("list /care-gaps count=" + onHome.size());
	}

	@Test
	void eachGapSaysWhatIsLateAndSinceWhen() throws Exception {
		MvcResult result = page(get("/care-gaps"), LOUFAN_STAFF);
		String html = result.getResponse().getContentAsString();
		@SuppressWarnings("unchecked")
		Page<ChildCard> page = (Page<ChildCard>) result.getModelAndView().getModel().get("page");
		for (ChildCard gap : page.getContent()) {
			assertThat(gap.isOverdue()).isTrue();
			if (gap.contactLate()) {
				assertThat(html).contains("联系逾期，自 " + gap.contactLateSince() + " 起");
			}
			if (gap.homeVisitDue()) {
				assertThat(html).contains("入户走访逾期，自 " + gap.homeVisitLateSince() + " 起");
			}
		}
		assertThat(html).containsAnyOf("联系逾期，自", "入户走访逾期，自");
	}

	@Test
	void filtersByKindMotherAndTownship() throws Exception {
		List<ChildCard> all = homeGaps(LOUFAN_STAFF);
		Page<ChildCard> contact = list(get("/care-gaps").param("kind", "CONTACT"));
		assertThat(contact.getTotalElements()).isEqualTo(all.stream().filter(ChildCard::contactLate).count());
		Page<ChildCard> homeVisit = list(get("/care-gaps").param("kind", "HOME_VISIT"));
		assertThat(homeVisit.getTotalElements()).isEqualTo(all.stream().filter(ChildCard::homeVisitDue).count());
		assertThat(homeVisit.getContent()).allMatch(ChildCard::homeVisitDue);
		assertThat(contact.getContent()).allMatch(ChildCard::contactLate);

		long mother = all.get(0).pairing().getMother().getId();
		Page<ChildCard> hers = list(get("/care-gaps").param("mother", String.valueOf(mother)));
		assertThat(hers.getTotalElements())
			.isEqualTo(all.stream().filter(gap -> gap.pairing().getMother().getId() == mother).count());
		assertThat(hers.getContent()).allMatch(gap -> gap.pairing().getMother().getId() == mother);
		org.caringmothers.volunteer.Volunteer her = all.get(0).pairing().getMother();
		assertThat(
				page(get("/care-gaps").param("mother", String.valueOf(mother)).param("kind", "CONTACT"), LOUFAN_STAFF)
					.getResponse()
					.getContentAsString())
			.contains("<label for=\"mother\"",
					"<option value=\"" + mother + "\" selected=\"selected\">" + her.getName() + "（"
							+ her.getMaskedPhone() + "）</option>")
			.contains("<option value=\"CONTACT\" selected=\"selected\">");

		Federation childPlace = all.get(0).pairing().getChild().getFederation();
		long[] lineage = childPlace.lineage();
		long township = (childPlace.getLevel() == org.caringmothers.federation.FederationLevel.VILLAGE)
				? lineage[lineage.length - 2] : lineage[lineage.length - 1];
		Page<ChildCard> there = list(get("/care-gaps").param("township", String.valueOf(township)));
		assertThat(there.getTotalElements()).isPositive().isLessThanOrEqualTo(all.size());
		assertThat(there.getContent())
			.allMatch(gap -> this.federations.isWithin(gap.pairing().getChild().getFederation().getId(), township));
		long independently = all.stream()
			.filter(gap -> this.federations.isWithin(gap.pairing().getChild().getFederation().getId(), township))
			.count();
		assertThat(there.getTotalElements()).isEqualTo(independently);

		Page<ChildCard> nothing = list(get("/care-gaps").param("mother", "987654321"));
		assertThat(nothing.getTotalElements()).isZero();
		assertThat(page(get("/care-gaps").param("kind", "NO_SUCH_KIND"), LOUFAN_STAFF, 400)).isNotNull();

		Page<ChildCard> farBeyond = list(get("/care-gaps").param("page", String.valueOf(Integer.MAX_VALUE)));
		assertThat(farBeyond.getContent()).isEmpty();
		assertThat(farBeyond.getTotalElements()).isGreaterThanOrEqualTo(all.size());
		assertThat(page(get("/care-gaps").param("page", "99999999999999999999"), LOUFAN_STAFF, 400).getResponse()
			.getContentAsString()).doesNotContain("Exception");
		assertThat(page(get("/care-gaps").param("page", "-5"), LOUFAN_STAFF).getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	@SuppressWarnings("unchecked")
	void anotherCountyOnlySeesItsOwnGaps() throws Exception {
		Page<ChildCard> shenchi = (Page<ChildCard>) page(get("/care-gaps"), DemoUsers.SHENCHI_STAFF).getModelAndView()
			.getModel()
			.get("page");
		Federation county = this.federations.findByCode("140927").orElseThrow();
		assertThat(shenchi.getContent()).allMatch(
				gap -> this.federations.isWithin(gap.pairing().getChild().getFederation().getId(), county.getId()));
		assertThat(page(get("/care-gaps"), DemoUsers.XINZHOU_OFFICIAL, 403)).isNotNull();
	}

	@Test
	void theWeeklyDigestCountsWhatAnIndependentQueryCounts() {
		TransactionTemplate rollback = new TransactionTemplate(this.transactions);
		rollback.executeWithoutResult(status -> {
			status.setRollbackOnly();
			Federation loufan = this.federations.findByCode("140123").orElseThrow();
			String within = "(select id from federation where path like '" + loufan.getPath() + "%')";
			long child = this.jdbc.queryForObject(
					"select min(id) from child where status = 'ACTIVE' and federation_id in " + within, Long.class);
			long user = this.jdbc.queryForObject("select id from app_user where username = ?", Long.class,
					LOUFAN_STAFF);
			// one need of each urgency, just past its time limit, and one just within it
			this.jdbc.update(
					"""
							insert into need (child_id, federation_id, category, urgency, description, status, mandatory_report,
							  raised_by, raised_at, version)
							select c.id, c.federation_id, 'STUDY', x.urgency, x.description, x.status, false, ?, now() - x.age, 0
							from child c, (values ('HIGH', 'digest test 1', 'OPEN', interval '8 days'),
							  ('MEDIUM', 'digest test 2', 'IN_PROGRESS', interval '31 days'),
							  ('LOW', 'digest test 3', 'OPEN', interval '61 days'),
							  ('LOW', 'digest test 4', 'OPEN', interval '59 days')) x (urgency, description, status, age)
							where c.id = ?""",
					user, child);
			try {
				MvcResult home = page(get("/"), LOUFAN_STAFF);
				var model = home.getModelAndView().getModel();
				CareDigest digest = (CareDigest) model.get("digest");
				long pastDue = this.jdbc.queryForObject("""
						select count(*) from need n where n.status in ('OPEN', 'IN_PROGRESS')
						and n.child_id in (select id from child where federation_id in %s)
						and n.raised_at < now() - make_interval(days => case n.urgency when 'HIGH' then 7
						  when 'MEDIUM' then 30 else 60 end)""".formatted(within), Long.class);
				assertThat(pastDue).isGreaterThanOrEqualTo(3);
				assertThat(model.get("needsPastDueCount")).isEqualTo(pastDue);
				String html = home.getResponse().getContentAsString();
				assertThat(html).contains("超过办理时限仍未解决的急难愁盼：" + pastDue + " 件");

				long silent = this.jdbc.queryForObject("""
						select count(*) from (select p.volunteer_id from pairing p join child c on c.id = p.child_id
						  where p.end_date is null and c.federation_id in %s group by p.volunteer_id
						  having max(greatest(p.start_date, coalesce((select max(x.visit_date) from visit x
						    where x.pairing_id = p.id), p.start_date))) < current_date - 30) m""".formatted(within),
						Long.class);
				assertThat(digest.silentCount()).isEqualTo(silent);
				assertThat(digest.silentMothers()).hasSize((int) Math.min(silent, 10));
				assertThat(html).contains("超过 30 天没有联系任何结对孩子的爱心妈妈：" + silent + " 位");

				Page<ChildCard> recent = list(get("/care-gaps").param("recent", "true"));
				assertThat(digest.newGaps()).isEqualTo(recent.getTotalElements());
				assertThat(recent.getContent()).allMatch(gap -> !gap.gapSince().isBefore(LocalDate.now().minusDays(6)));
				assertThat(html).contains("近 7 天新出现的关爱缺口：" + digest.newGaps() + " 个");
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	@Test
	void withoutAGatewayAReminderIsRecordedAsNotSent() throws Exception {
		List<ChildCard> gaps = homeGaps(LOUFAN_STAFF);
		ChildCard gap = gaps.stream()
			.filter(card -> card.pairing().getMother().getAccountId() != null)
			.findFirst()
			.orElse(null);
		if (gap == null) {
			// no mother with a gap has signed in yet (other tests' contacts close gaps):
			// give
			// the first one her account from her record, as staff do
			assertThat(gaps).isNotEmpty();
			long mother = gaps.get(0).pairing().getMother().getId();
			this.mvc
				.perform(post("/volunteers/" + mother + "/account").with(csrf())
					.param("username", "gapmother" + mother)
					.with(this.users.as(LOUFAN_STAFF)))
				.andExpect(status().is3xxRedirection());
			gap = homeGaps(LOUFAN_STAFF).stream()
				.filter(card -> card.pairing().getMother().getId() == mother)
				.findFirst()
				.orElseThrow();
			assertThat(gap.pairing().getMother().getAccountId()).isNotNull();
		}
		this.mvc
			.perform(post("/visits/remind/" + gap.pairing().getId()).with(csrf())
				.param("from", "care-gaps")
				.with(this.users.as(LOUFAN_STAFF)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/care-gaps"))
			.andExpect(flash().attribute("flashSuccess", "visit.reminded.noGateway"));
		assertThat(this.jdbc.queryForObject("""
				select m.status from reminder r join sms_message m on m.id = r.sms_message_id
				where r.pairing_id = ? order by r.id desc limit 1""", String.class, gap.pairing().getId()))
			.isEqualTo("NOT_CONFIGURED");
		String reminders = page(get("/reminders").param("mother", String.valueOf(gap.pairing().getMother().getId())),
				LOUFAN_STAFF)
			.getResponse()
			.getContentAsString();
		assertThat(reminders).contains("未发送（未配置短信网关）").contains(gap.pairing().getChild().getName());
		assertThat(this.jdbc.queryForObject("select count(*) from sms_attempt", Long.class)).isZero();
	}

	@Test
	void theListHoldsExactlyThePairingsTheCadenceRuleCallsGaps() throws Exception {
		Federation loufan = this.federations.findByCode("140123").orElseThrow();
		assertTheListFollowsTheCadenceRule(loufan);
		// a rule set on the county, and another on one of its townships, reach the
		// federations below them (kept by the database in the same transaction)
		long township = this.jdbc.queryForObject(
				"select min(id) from federation where parent_id = ? and level = 'TOWNSHIP'", Long.class,
				loufan.getId());
		try {
			this.jdbc.update("update federation set contact_days = 14, home_visit_days = 45 where id = ?",
					loufan.getId());
			this.jdbc.update("update federation set contact_days = 60 where id = ?", township);
			assertThat(this.jdbc.queryForObject("""
					select count(*) from federation where path like ? and (care_contact_days, care_home_visit_days)
					  <> (case when path like ? then 60 else 14 end, 45)""", Long.class, loufan.getPath() + "%",
					loufan.getPath() + township + "/%"))
				.isZero();
			assertTheListFollowsTheCadenceRule(loufan);
		}
		finally {
			this.jdbc.update("update federation set contact_days = null, home_visit_days = null where id in (?, ?)",
					loufan.getId(), township);
		}
		assertThat(this.jdbc.queryForObject(
				"""
						select count(*) from federation where path like ? and (care_contact_days, care_home_visit_days) <> (30, 90)""",
				Long.class, loufan.getPath() + "%"))
			.isZero();
	}

	/**
	 * Every active pairing of the county, judged by CareCadence in Java from the contacts
	 * themselves and the federation's rules (not from the maintained dates), against the
	 * full list.
	 */
	private void assertTheListFollowsTheCadenceRule(Federation loufan) throws Exception {
		LocalDate today = LocalDate.now();
		java.util.Set<Long> expected = new java.util.TreeSet<>();
		this.jdbc.query(
				"""
						select p.id, p.start_date, c.federation_id, (select max(x.visit_date) from visit x where x.pairing_id = p.id),
						  (select max(x.visit_date) from visit x where x.pairing_id = p.id and x.mode = 'HOME_VISIT')
						from pairing p join child c on c.id = p.child_id join federation f on f.id = c.federation_id
						where p.end_date is null and f.path like ?""",
				rs -> {
					Federation own = this.federations.findById(rs.getLong(3)).orElseThrow();
					org.caringmothers.pairing.CareCadence cadence = new org.caringmothers.pairing.CareCadence(
							rs.getObject(2, LocalDate.class), rs.getObject(4, LocalDate.class),
							rs.getObject(5, LocalDate.class), this.federations.settings(own));
					if (cadence.isGap(today)) {
						expected.add(rs.getLong(1));
					}
				}, loufan.getPath() + "%");
		assertThat(expected).isNotEmpty();
		assertThat(homeGaps(LOUFAN_STAFF)).extracting(gap -> gap.pairing().getId())
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	/** Every care gap of the user's scope, from all the pages of the full list. */
	private List<ChildCard> homeGaps(String user) throws Exception {
		List<ChildCard> all = new java.util.ArrayList<>();
		for (int page = 0;; page++) {
			@SuppressWarnings("unchecked")
			Page<ChildCard> one = (Page<ChildCard>) page(get("/care-gaps").param("page", String.valueOf(page)), user)
				.getModelAndView()
				.getModel()
				.get("page");
			all.addAll(one.getContent());
			if (one.isLast() || one.getContent().isEmpty()) {
				return all;
			}
		}
	}

	@SuppressWarnings("unchecked")
	private Page<ChildCard> list(MockHttpServletRequestBuilder request) throws Exception {
		return (Page<ChildCard>) page(request, LOUFAN_STAFF).getModelAndView().getModel().get("page");
	}

	private MvcResult page(MockHttpServletRequestBuilder request, String user) throws Exception {
		return page(request, user, 200);
	}

	private MvcResult page(MockHttpServletRequestBuilder request, String user, int expected) throws Exception {
		return this.mvc.perform(request.with(this.users.as(user))).andExpect(status().is(expected)).andReturn();
	}

}

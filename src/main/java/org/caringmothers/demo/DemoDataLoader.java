package org.caringmothers.demo;

import java.time.LocalDate;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.caringmothers.account.AccountService;
import org.caringmothers.common.DatabaseMode;
import org.caringmothers.common.security.Role;
import org.caringmothers.federation.FederationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data once (every step is idempotent) into the embedded database, or into
 * a {@code DB_URL} database only when {@code DEMO_DATA=true}. Runs after the federation
 * tree exists and before the first-administrator bootstrap, which then has nothing to do.
 */
@Component
@Order(20)
@RequiredArgsConstructor
class DemoDataLoader implements ApplicationRunner {

	static final String PASSWORD = "aixin-demo-2026";

	/** The demo accounts: username, display name, role, federation code. */
	static final List<DemoAccount> ACCOUNTS = List.of(new DemoAccount("admin", "周雅琴", Role.ADMIN, "140000", "山西省"),
			new DemoAccount("xinzhou.official", "孙慧敏", Role.OFFICIAL, "140900", "忻州市"),
			new DemoAccount("shenchi.staff", "马晓红", Role.STAFF, "140927", "神池县"),
			new DemoAccount("loufan.staff", "胡春燕", Role.STAFF, "140123", "娄烦县"),
			new DemoAccount("loufan.mother", "林秋菊", Role.VOLUNTEER, "140123100", "娄烦县娄烦镇"));

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final DatabaseMode databaseMode;

	private final FederationService federations;

	private final AccountService accounts;

	private final DemoChildren children;

	private final DemoVolunteers volunteers;

	private final DemoContacts contacts;

	private final DemoEvents events;

	private final DemoTargets targets;

	private final JdbcTemplate jdbc;

	@Override
	public void run(ApplicationArguments args) {
		if (!this.databaseMode.demoData()) {
			return;
		}
		this.federations.brand("140900", "忻愿爱心妈妈");
		this.federations.brand("141000", "平阳爱心妈妈");
		this.federations.brand("140123", "娄烦爱心妈妈");
		this.federations.addStationIfAbsent("140900", "忻愿爱心妈妈工作站", "忻州市妇女儿童活动中心", LocalDate.of(2024, 5, 30));
		this.federations.addStationIfAbsent("140123", "娄烦县爱心妈妈工作站", "娄烦县妇联", LocalDate.of(2024, 6, 1));
		int created = 0;
		for (DemoAccount account : ACCOUNTS) {
			if (this.accounts.createIfAbsent(account.username(), account.displayName(), account.role(),
					account.federationCode(), PASSWORD, false)) {
				created++;
			}
			// the demo stays one password away: no second factor for its accounts
			this.accounts.exemptFromSecondFactor(account.username());
		}
		this.children.load();
		this.volunteers.load();
		this.contacts.load();
		this.events.load();
		this.targets.load();
		// fresh tables have no planner statistics until autovacuum's first pass (a minute
		// or more later): without them the dashboard's plans loop millions of times
		this.jdbc.execute("analyze");
		StringBuilder listing = new StringBuilder();
		for (DemoAccount account : ACCOUNTS) {
			listing.append(
					String.format("%n  %-18s %-9s %s", account.username(), account.role(), account.federationName()));
		}
		log.info("Demo data ready ({} accounts created now). Demo accounts, all with the password '{}':{}", created,
				PASSWORD, listing);
	}

	record DemoAccount(String username, String displayName, Role role, String federationCode, String federationName) {
	}

}

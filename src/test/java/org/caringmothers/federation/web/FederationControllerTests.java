package org.caringmothers.federation.web;

import org.caringmothers.common.DemoUsers;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.ProgrammeSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caringmothers.common.DemoUsers.ADMIN;
import static org.caringmothers.common.DemoUsers.LOUFAN_MOTHER;
import static org.caringmothers.common.DemoUsers.LOUFAN_STAFF;
import static org.caringmothers.common.DemoUsers.SHENCHI_STAFF;
import static org.caringmothers.common.DemoUsers.XINZHOU_OFFICIAL;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may open which federation page, and what bad input on the federation forms does.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FederationControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	FederationService federations;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	DemoUsers users;

	long shenchi;

	long shenchiTownship;

	long xinzhou;

	@BeforeEach
	void setUp() {
		this.users = new DemoUsers(this.userDetails);
		this.shenchi = this.federations.findByCode("140927").orElseThrow().getId();
		this.shenchiTownship = this.federations.findByCode("140927100").orElseThrow().getId();
		this.xinzhou = this.federations.findByCode("140900").orElseThrow().getId();
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/federations")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void treeIsOpenToEveryoneButCaringMothers() throws Exception {
		for (String user : new String[] { ADMIN, XINZHOU_OFFICIAL, SHENCHI_STAFF, LOUFAN_STAFF }) {
			page(get("/federations"), user).andExpect(status().isOk());
		}
		page(get("/federations"), LOUFAN_MOTHER).andExpect(status().isForbidden());
	}

	@Test
	void theTreeStartsAtTheUsersOwnFederation() throws Exception {
		page(get("/federations"), XINZHOU_OFFICIAL).andExpect(content().string(containsString("忻州市")))
			.andExpect(content().string(containsString("神池县")))
			.andExpect(content().string(not(containsString("娄烦县"))));
	}

	@Test
	void aFederationOutsideTheSubtreeIsNotFoundOnEveryRoute() throws Exception {
		String base = "/federations/" + this.shenchi;
		for (String path : new String[] { base, base + "/children", base + "/edit", base + "/children/new",
				base + "/stations/new" }) {
			page(get(path), LOUFAN_STAFF).andExpect(status().isNotFound())
				.andExpect(content().string(containsString("找不到页面")));
		}
		page(post(base + "/edit").with(csrf()).param("name", "改名").param("version", "0"), LOUFAN_STAFF)
			.andExpect(status().isNotFound());
		page(post(base + "/children/new").with(csrf()).param("code", "140927150").param("name", "新乡"), LOUFAN_STAFF)
			.andExpect(status().isNotFound());
		page(post(base + "/stations/new").with(csrf()).param("name", "站"), LOUFAN_STAFF)
			.andExpect(status().isNotFound());
		assertThat(this.federations.findByCode("140927150")).isEmpty();
		assertThat(this.federations.findById(this.shenchi).orElseThrow().getName()).isEqualTo("神池县");
	}

	@Test
	void pagesInsideTheSubtreeOpen() throws Exception {
		page(get("/federations/" + this.shenchi), SHENCHI_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString("忻愿爱心妈妈")));
		page(get("/federations/" + this.shenchi), XINZHOU_OFFICIAL).andExpect(status().isOk());
		page(get("/federations/" + this.shenchi), ADMIN).andExpect(status().isOk());
		page(get("/federations/" + this.shenchi + "/children"), SHENCHI_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString("140927100")));
		page(get("/federations/" + this.shenchi + "/edit"), SHENCHI_STAFF).andExpect(status().isOk());
		page(get("/federations/" + this.shenchi + "/children/new"), SHENCHI_STAFF).andExpect(status().isOk());
		page(get("/federations/" + this.shenchi + "/stations/new"), ADMIN).andExpect(status().isOk());
	}

	@Test
	void officialsReadButDoNotChange() throws Exception {
		page(get("/federations/" + this.shenchi + "/edit"), XINZHOU_OFFICIAL).andExpect(status().isForbidden());
		page(post("/federations/" + this.shenchi + "/edit").with(csrf()).param("name", "x").param("version", "0"),
				XINZHOU_OFFICIAL)
			.andExpect(status().isForbidden());
	}

	@Test
	void searchFindsByNameOrCodeWithinTheScopeOnly() throws Exception {
		page(get("/federations").param("q", "1409"), SHENCHI_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString("140927100")))
			.andExpect(content().string(not(containsString("140900<"))));
		page(get("/federations").param("q", "娄烦"), SHENCHI_STAFF)
			.andExpect(content().string(not(containsString("140123"))));
		page(get("/federations").param("q", "娄烦"), ADMIN).andExpect(content().string(containsString("140123")));
	}

	@Test
	void postingWithoutCsrfTokenIsRefused() throws Exception {
		page(post("/federations/" + this.shenchi + "/stations/new").param("name", "无令牌工作站"), SHENCHI_STAFF)
			.andExpect(status().isForbidden());
		assertThat(stationCount("无令牌工作站")).isZero();
	}

	@Test
	void addingATownshipValidatesTheCodeAndSavesNothingOnError() throws Exception {
		long before = federationCount();
		String path = "/federations/" + this.shenchi + "/children/new";
		expectFieldError(post(path).with(csrf()).param("code", "14092710").param("name", "短码镇"), "code",
				"乡镇区划代码应为 9 位数字");
		expectFieldError(post(path).with(csrf()).param("code", "140123190").param("name", "错前缀镇"), "code",
				"必须以上级的代码开头");
		expectFieldError(post(path).with(csrf()).param("code", "140927100").param("name", "重复镇"), "code", "已被“龙泉镇”使用");
		expectFieldError(post(path).with(csrf()).param("code", "140927190").param("name", "镇\u0007"), "name",
				"不能包含控制字符");
		expectFieldError(post(path).with(csrf()).param("code", "140927190").param("name", " "), "name", "必填");
		expectFieldError(post(path).with(csrf()).param("code", "140927190").param("name", "镇".repeat(65)), "name",
				"长度不能超过 64 个字符");
		assertThat(federationCount()).isEqualTo(before);
	}

	@Test
	void aBadNameAndAUsedCodeAreReportedInOneRound() throws Exception {
		long before = federationCount();
		page(post("/federations/" + this.shenchi + "/children/new").with(csrf())
			.param("code", "140927100")
			.param("name", "镇\u0007"), SHENCHI_STAFF).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "code", "name"))
			.andExpect(content().string(containsString("id=\"error-summary\"")))
			.andExpect(content().string(containsString("不能包含控制字符")))
			.andExpect(content().string(containsString("已被“龙泉镇”使用")));
		assertThat(federationCount()).isEqualTo(before);
	}

	@Test
	void citiesAndCountiesComeOnlyFromTheDivisionList() throws Exception {
		long before = federationCount();
		page(post("/federations/" + this.xinzhou + "/children/new").with(csrf())
			.param("code", "140999")
			.param("name", "新县"), ADMIN).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "code"))
			.andExpect(content().string(containsString("由国家行政区划确定")));
		assertThat(federationCount()).isEqualTo(before);
	}

	@Test
	void staffAddATownshipAndAVillageInTheirSubtree() throws Exception {
		page(post("/federations/" + this.shenchi + "/children/new").with(csrf())
			.param("code", "140927199")
			.param("name", "测试新乡")
			.param("programmeName", ""), SHENCHI_STAFF).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/federations/*"));
		long township = this.federations.findByCode("140927199").orElseThrow().getId();
		assertThat(this.federations.isWithin(township, this.shenchi)).isTrue();
		page(post("/federations/" + township + "/children/new").with(csrf())
			.param("code", "140927199001")
			.param("name", "测试村"), SHENCHI_STAFF).andExpect(status().is3xxRedirection());
		assertThat(this.federations.findByCode("140927199001")).isPresent();
	}

	@Test
	void renamingWithAStaleVersionIsRefusedAndShowsTheCurrentValues() throws Exception {
		var township = this.federations.findById(this.shenchiTownship).orElseThrow();
		long version = township.getVersion();
		page(post("/federations/" + this.shenchiTownship + "/edit").with(csrf())
			.param("name", township.getName())
			.param("programmeName", "神池爱心妈妈")
			.param("version", String.valueOf(version)), SHENCHI_STAFF).andExpect(status().is3xxRedirection());
		page(post("/federations/" + this.shenchiTownship + "/edit").with(csrf())
			.param("name", "被覆盖的名字")
			.param("version", String.valueOf(version)), SHENCHI_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString("有人修改了这条记录")))
			.andExpect(content().string(containsString("神池爱心妈妈")));
		assertThat(this.federations.findById(this.shenchiTownship).orElseThrow().getName())
			.isEqualTo(township.getName());
		expectFieldError(post("/federations/" + this.shenchiTownship + "/edit").with(csrf())
			.param("name", "")
			.param("version", String.valueOf(version + 1)), "name", "必填");
	}

	@Test
	void pairingRulesAreInheritedDownTheTreeAndValidated() throws Exception {
		assertThat(this.federations.settings(this.federations.findById(this.shenchiTownship).orElseThrow()))
			.isEqualTo(ProgrammeSettings.DEFAULTS);
		var county = this.federations.findById(this.shenchi).orElseThrow();
		page(post("/federations/" + this.shenchi + "/edit").with(csrf())
			.param("name", county.getName())
			.param("programmeName", "忻愿爱心妈妈")
			.param("contactDays", "5")
			.param("version", String.valueOf(county.getVersion())), SHENCHI_STAFF).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "contactDays"))
			.andExpect(content().string(containsString("不能小于 7")));
		page(post("/federations/" + this.shenchi + "/edit").with(csrf())
			.param("name", county.getName())
			.param("programmeName", "忻愿爱心妈妈")
			.param("contactDays", "21")
			.param("motherCapacity", "2")
			.param("version", String.valueOf(county.getVersion())), SHENCHI_STAFF)
			.andExpect(status().is3xxRedirection());
		assertThat(this.federations.settings(this.federations.findById(this.shenchiTownship).orElseThrow()))
			.isEqualTo(new ProgrammeSettings(2, 21, 90));
		page(get("/federations/" + this.shenchiTownship), SHENCHI_STAFF)
			.andExpect(content().string(containsString("最多结对 2 名儿童；至少每 21 天联系一次")));
	}

	@Test
	void stationsNeedANameAndAPlaqueDateNotInTheFuture() throws Exception {
		String path = "/federations/" + this.shenchi + "/stations/new";
		expectFieldError(post(path).with(csrf()).param("name", "未来工作站").param("plaqueDate", "2999-01-01"), "plaqueDate",
				"日期不能晚于今天");
		expectFieldError(post(path).with(csrf()).param("name", "错日期工作站").param("plaqueDate", "2024-13-45"),
				"plaqueDate", "请填写正确的日期");
		expectFieldError(post(path).with(csrf()).param("name", "x\u0000y"), "name", "不能包含控制字符");
		assertThat(stationCount("未来工作站") + stationCount("错日期工作站")).isZero();
		page(post(path).with(csrf()).param("name", "神池县爱心妈妈工作站").param("plaqueDate", "2024-06-01"), SHENCHI_STAFF)
			.andExpect(status().is3xxRedirection());
		expectFieldError(post(path).with(csrf()).param("name", "神池县爱心妈妈工作站"), "name", "已有同名工作站");
		assertThat(stationCount("神池县爱心妈妈工作站")).isEqualTo(1);
	}

	@Test
	void pagesShowEnglishOnRequestAndNoMissingMessages() throws Exception {
		page(get("/federations/" + this.shenchi).param("lang", "en"), SHENCHI_STAFF)
			.andExpect(content().string(containsString("Federations below")))
			.andExpect(content().string(not(containsString("??"))));
		page(get("/federations/" + this.shenchi), SHENCHI_STAFF).andExpect(content().string(not(containsString("??"))));
	}

	private void expectFieldError(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String field, String message) throws Exception {
		page(request, SHENCHI_STAFF).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", field))
			.andExpect(content().string(containsString(message)));
	}

	private ResultActions page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String user) throws Exception {
		return this.mvc.perform(request.with(this.users.as(user)));
	}

	private long federationCount() {
		return this.jdbc.queryForObject("select count(*) from federation", Long.class);
	}

	private long stationCount(String name) {
		return this.jdbc.queryForObject("select count(*) from station where name = ?", Long.class, name);
	}

}

package org.caringmothers.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caringmothers.common.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caringmothers.common.DemoUsers.LOUFAN_MOTHER;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pages with personal data are never stored by the browser; the static files they link to
 * carry a content hash in their name and are cached for a year.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CachingTests {

	private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/(?:webjars|css|js|favicon)[^\"]*)\"");

	private static final Pattern HASHED = Pattern.compile(".*-[0-9a-f]{32}\\.[a-z]+$");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	DemoUsers users;

	@BeforeEach
	void setUp() {
		this.users = new DemoUsers(this.userDetails);
	}

	@Test
	void herHomePageIsNotStoredAndLinksOnlyHashedAssetsThatAreCachedForAYear() throws Exception {
		String home = this.mvc.perform(get("/").with(this.users.as(LOUFAN_MOTHER)))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("no-store")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> assets = assets(home);
		assertThat(assets).hasSizeGreaterThanOrEqualTo(5)
			.anyMatch((url) -> url.startsWith("/webjars/bootstrap/5.3.8/css/bootstrap.min-"))
			.anyMatch((url) -> url.startsWith("/css/app-"))
			.allMatch((url) -> HASHED.matcher(url).matches());
		for (String asset : assets) {
			this.mvc.perform(get(asset))
				.andExpect(status().isOk())
				.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public, immutable"));
		}
	}

	@Test
	void theSignInPageLinksHashedAssetsAndIsNotStored() throws Exception {
		String login = this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("no-store")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(assets(login)).isNotEmpty().allMatch((url) -> HASHED.matcher(url).matches());
	}

	@Test
	void aWrongHashOrAMissingFileIsNotFoundAndNotCached() throws Exception {
		this.mvc.perform(get("/css/app-00000000000000000000000000000000.css"))
			.andExpect(status().isNotFound())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, not(containsString("immutable"))));
		this.mvc.perform(get("/js/nothing-here.js")).andExpect(status().isNotFound());
	}

	private static List<String> assets(String page) {
		List<String> found = new ArrayList<>();
		Matcher matcher = ASSET.matcher(page);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

}

package org.caringmothers.federation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DivisionCodesTests {

	@ParameterizedTest
	@CsvSource({ "140927101, TOWNSHIP, COUNTY, 140927", "140123100, TOWNSHIP, COUNTY, 140123",
			"140123100001, VILLAGE, TOWNSHIP, 140123100", "140900, CITY, PROVINCE, 140000",
			"140927, COUNTY, CITY, 140900" })
	void acceptsCodesThatFitTheirLevelAndParent(String code, FederationLevel level, FederationLevel parentLevel,
			String parentCode) {
		assertThat(DivisionCodes.problem(code, level, parentLevel, parentCode)).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "14092710, TOWNSHIP, COUNTY, 140927, federation.code.length.TOWNSHIP",
			"1409271010, TOWNSHIP, COUNTY, 140927, federation.code.length.TOWNSHIP",
			"140123101, TOWNSHIP, COUNTY, 140927, federation.code.prefix",
			"14092710a, TOWNSHIP, COUNTY, 140927, federation.code.digits",
			"140927000, TOWNSHIP, COUNTY, 140927, federation.code.shape",
			"140123100, VILLAGE, TOWNSHIP, 140123100, federation.code.length.VILLAGE",
			"140123101001, VILLAGE, TOWNSHIP, 140123100, federation.code.prefix",
			"140123100000, VILLAGE, TOWNSHIP, 140123100, federation.code.shape",
			"140901, CITY, PROVINCE, 140000, federation.code.shape",
			"150900, CITY, PROVINCE, 140000, federation.code.prefix",
			"141027, COUNTY, CITY, 140900, federation.code.prefix",
			"140900, COUNTY, CITY, 140900, federation.code.prefix", "140100, PROVINCE, , , federation.code.shape" })
	void refusesCodesWithTheReason(String code, FederationLevel level, FederationLevel parentLevel, String parentCode,
			String expected) {
		assertThat(DivisionCodes.problem(code, level, parentLevel, parentCode)).isEqualTo(expected);
	}

	@Test
	void refusesABlankCode() {
		assertThat(DivisionCodes.problem(" ", FederationLevel.TOWNSHIP, FederationLevel.COUNTY, "140927"))
			.isEqualTo("federation.code.required");
		assertThat(DivisionCodes.problem(null, FederationLevel.TOWNSHIP, FederationLevel.COUNTY, "140927"))
			.isEqualTo("federation.code.required");
	}

	@Test
	void everyDivisionShippedWithTheApplicationPassesTheRules() {
		List<String[]> rows = FederationTreeLoader.readDivisions();
		Map<String, String[]> byCode = new HashMap<>();
		rows.forEach(row -> byCode.put(row[0], row));
		assertThat(rows).hasSize(1485);
		for (String[] row : rows) {
			FederationLevel level = FederationLevel.valueOf(row[2]);
			String[] parent = row[3].isEmpty() ? null : byCode.get(row[3]);
			assertThat(DivisionCodes.problem(row[0], level, parent == null ? null : FederationLevel.valueOf(parent[2]),
					parent == null ? null : parent[0]))
				.as("%s %s", row[0], row[1])
				.isNull();
		}
	}

}

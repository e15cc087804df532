/**
 * Demo data for the embedded database: programme brand names from the seed page, demo
 * stations and the demo accounts listed in the README; and a generator of province-scale
 * data for benchmarks. Nothing else depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "federation", "account", "audit",
		"volunteer", "child", "pairing", "visit", "need", "event" })
package org.caringmothers.demo;

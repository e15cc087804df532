/**
 * Read models for the people who follow the programme: the home page of each role with
 * the summary of its federation. It reads every other module; nothing reads it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "federation", "account", "audit",
		"volunteer", "child", "pairing", "visit", "need", "event" })
package org.caringmothers.dashboard;

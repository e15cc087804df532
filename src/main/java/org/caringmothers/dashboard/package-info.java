/**
 * Read models for the people who follow the programme: the home page of each role with
 * the summary of its federation. It reads every other module; nothing reads it.
 */
package org.caringmothers.dashboard;

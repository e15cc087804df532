/**
 * The 妇联 tree (province, city, county, township, village), its 爱心妈妈工作站 stations, and the
 * one scope mechanism every module uses: which federations lie under a given one. A
 * record outside the signed-in user's subtree is answered as if it did not exist.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common" })
package org.caringmothers.federation;

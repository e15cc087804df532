package org.caringmothers.visit;

/** How a contact happened: 入户走访, 电话, 视频, 到校, 陪伴活动. */
public enum ContactMode {

	HOME_VISIT, PHONE, VIDEO, SCHOOL, OUTING

}

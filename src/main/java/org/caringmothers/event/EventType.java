package org.caringmothers.event;

/**
 * The kinds of event: 招募 recruitment drive, 培训 training, 推进会 progress meeting, 讲座
 * lecture, 集体活动 group activity for children.
 */
public enum EventType {

	RECRUITMENT, TRAINING, PROGRESS_MEETING, LECTURE, CHILDREN_ACTIVITY

}

package org.caringmothers.volunteer;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.caringmothers.account.PersonalWords;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A caring mother's name and phone number, which her password must not contain. */
@Component
@RequiredArgsConstructor
class VolunteerPersonalWords implements PersonalWords {

	private final VolunteerRepository volunteers;

	@Override
	@Transactional(readOnly = true)
	public List<String> of(long accountId) {
		return this.volunteers.findByAccountId(accountId)
			.map(volunteer -> List.of(volunteer.getName(), volunteer.getPhone()))
			.orElse(List.of());
	}

}

package org.caringmothers.account;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.security.AccountStatus;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@RequiredArgsConstructor
class AccountStatusLookup implements AccountStatus {

	private final AccountRepository accounts;

	@Override
	@Transactional(readOnly = true)
	public boolean isEnabled(long accountId) {
		return this.accounts.findById(accountId).map(Account::isEnabled).orElse(false);
	}

}

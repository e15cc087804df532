package org.caringmothers.common.excel;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.Validator;

/** The parts every spreadsheet import shares. */
@Configuration(proxyBeanMethods = false)
class ImportParts {

	@Bean
	SpreadsheetImport.Parts spreadsheetImportParts(ImportJobs jobs,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, TransactionTemplate transactions,
			Validator validator, MessageSource messages) {
		return new SpreadsheetImport.Parts(jobs, executor, transactions, validator, messages);
	}

}

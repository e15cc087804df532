package org.caringmothers.child;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Formula;
import org.caringmothers.common.Gender;
import org.caringmothers.federation.Federation;

/** A child in the programme. */
@Entity
@Table(name = "child")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Child {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "federation_id")
	private Federation federation;

	private String name;

	@Enumerated(EnumType.STRING)
	private Gender gender;

	private LocalDate birthDate;

	@Getter(AccessLevel.PACKAGE)
	private String idNumberCipher;

	@Getter(AccessLevel.PACKAGE)
	private String idNumberIndex;

	private String idNumberMasked;

	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 100)
	@CollectionTable(name = "child_category", joinColumns = @JoinColumn(name = "child_id"))
	@Column(name = "category")
	@Enumerated(EnumType.STRING)
	private Set<ChildCategory> categories = EnumSet.noneOf(ChildCategory.class);

	@Enumerated(EnumType.STRING)
	private ParentsSituation parentsSituation;

	private String parentsWorkPlace;

	private String school;

	private String grade;

	private String address;

	@ElementCollection
	@BatchSize(size = 100)
	@CollectionTable(name = "child_guardian", joinColumns = @JoinColumn(name = "child_id"))
	@OrderColumn(name = "position")
	private List<Guardian> guardians = new ArrayList<>();

	private String healthNotes;

	private boolean healthShareable;

	@Enumerated(EnumType.STRING)
	private RiskLevel riskLevel;

	private LocalDate consentDate;

	private String consentBy;

	private String consentScope;

	@Enumerated(EnumType.STRING)
	private ChildStatus status = ChildStatus.ACTIVE;

	private String statusReason;

	private Instant statusChangedAt;

	private Long createdBy;

	/**
	 * Active pairings of the child (0 or 1), read from the pairing table without
	 * depending on its module.
	 */
	@Formula("(select count(*) from pairing p where p.child_id = id and p.end_date is null)")
	private int activePairings;

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	@Version
	private long version;

	Child(Long createdBy) {
		this.createdBy = createdBy;
	}

	/** Age in whole years on the given day. */
	public int ageOn(LocalDate day) {
		return Period.between(this.birthDate, day).getYears();
	}

	public boolean isPaired() {
		return this.activePairings > 0;
	}

	public boolean hasIdNumber() {
		return this.idNumberCipher != null;
	}

	void setIdentity(String cipher, String index, String masked) {
		this.idNumberCipher = cipher;
		this.idNumberIndex = index;
		this.idNumberMasked = masked;
	}

	void update(Federation federation, ChildForm form) {
		this.federation = federation;
		this.name = form.getName().trim();
		this.gender = form.getGender();
		this.birthDate = form.getBirthDate();
		this.categories.clear();
		this.categories.addAll(form.getCategories());
		this.parentsSituation = form.getParentsSituation();
		this.parentsWorkPlace = ChildForm.trimToNull(form.getParentsWorkPlace());
		this.school = ChildForm.trimToNull(form.getSchool());
		this.grade = ChildForm.trimToNull(form.getGrade());
		this.address = ChildForm.trimToNull(form.getAddress());
		this.guardians.clear();
		for (GuardianForm guardian : form.filledGuardians()) {
			this.guardians
				.add(new Guardian(guardian.getName().trim(), guardian.getRelation(), guardian.normalisedPhone()));
		}
		this.healthNotes = ChildForm.trimToNull(form.getHealthNotes());
		this.healthShareable = form.isHealthShareable();
		this.riskLevel = form.getRiskLevel();
		this.consentDate = form.getConsentDate();
		this.consentBy = ChildForm.trimToNull(form.getConsentBy());
		this.consentScope = ChildForm.trimToNull(form.getConsentScope());
	}

	void changeStatus(ChildStatus status, String reason, Instant at) {
		this.status = status;
		this.statusReason = reason;
		this.statusChangedAt = at;
	}

}

//! The rules: each takes the figures of a relation as written and the stated figure, and returns
//! the finding.

use rust_decimal::Decimal;

use super::finding::{Figure, Finding, Reason, Role, Rule, Severity, Value, Verdict};
use super::judge::{Case, Form, Point, Stated, judge, not_checkable};
use crate::indicator::growth::growth_of;
use crate::indicator::ranges;
use crate::{
    Error, Growth, Interval, Multiple, PercentPoints, Quantity, Rate, Result, RoundingMode,
    ScheduleGap, structure,
};

/// The audit's conventions: how a stated figure is taken to have been rounded (四舍五入 unless
/// set). The free functions of [`crate::audit`] use the default.
///
/// # Examples
///
/// ```
/// use tongji::audit::{Auditor, Verdict};
/// use tongji::RoundingMode;
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// // An exact 1025 (a set number) of 10000 is exactly 10.25%: 10.3% by 四舍五入, 10.2% by
/// // GB/T 8170's half-even.
/// let (actual, target) = (q("1025万元")?.exact(), q("10000万元")?);
/// let stated: tongji::Rate = "10.2%".parse()?;
/// let away = Auditor::new().completion(&actual, &target, &stated)?;
/// let even = Auditor::new().rounding(RoundingMode::HalfEven).completion(&actual, &target, &stated)?;
/// assert_eq!((away.verdict(), away.expected_text()), (Verdict::ConsistentIfTruncated, "10.3%"));
/// assert_eq!((even.verdict(), even.expected_text()), (Verdict::Consistent, "10.2%"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Auditor {
    mode: RoundingMode,
}

fn q(role: Role, q: &Quantity) -> Figure {
    Figure::new(role, Value::Quantity(*q))
}

fn r(role: Role, r: &Rate) -> Figure {
    Figure::new(role, Value::Rate(*r))
}

fn same_dimension(of: &Quantity, all: &[&Quantity]) -> Result<()> {
    all.iter().try_for_each(|x| x.same_dimension(of))
}

/// Why an interval computation gives no range.
pub(crate) fn reason(e: &Error) -> Reason {
    if e.is_zero_base() {
        Reason::ZeroBase
    } else if e.is_overflow() {
        Reason::Overflow
    } else {
        Reason::Unbounded
    }
}

/// A range in base units (or percent), in the stated figure's measure.
fn in_measure(stated: &Stated, range: Result<Interval>) -> Result<Interval, Reason> {
    let range = range.map_err(|e| reason(&e))?;
    let converted = match stated.form {
        Form::Quantity { scale: None, .. } => return Err(Reason::Overflow),
        // A shift where the ends have the digits for it, else a division (outward).
        Form::Quantity {
            shift: Some(exp),
            scale: Some(scale),
            ..
        } => range
            .shifted(-exp)
            .or_else(|_| range.checked_div(&Interval::point(scale))),
        Form::Quantity {
            scale: Some(scale), ..
        } => range.checked_div(&Interval::point(scale)),
        Form::Rate { per_mille: true } => range.scaled(Decimal::TEN),
        _ => Ok(range),
    };
    converted.map_err(|e| reason(&e))
}

impl Auditor {
    /// 四舍五入.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::audit::Auditor::new(), tongji::audit::Auditor::default());
    /// ```
    #[must_use]
    pub const fn new() -> Auditor {
        Auditor {
            mode: RoundingMode::HalfAwayFromZero,
        }
    }

    /// Take stated figures as rounded by `mode` (GB/T 8170 half-even, or truncation).
    ///
    /// # Examples
    ///
    /// See [`Auditor`].
    ///
    /// ```
    /// use tongji::{audit::Auditor, RoundingMode};
    /// assert_ne!(Auditor::new().rounding(RoundingMode::HalfEven), Auditor::new());
    /// ```
    #[must_use]
    pub const fn rounding(self, mode: RoundingMode) -> Auditor {
        Auditor { mode }
    }

    /// Judges a case whose range and point are in base units (or percent).
    fn decide(
        &self,
        rule: Rule,
        figures: Vec<Figure>,
        stated: Stated,
        range: Result<Interval>,
        point: Point,
        severity: Severity,
    ) -> Finding {
        let mut case = Case::new(rule, figures, stated);
        case.range = in_measure(&case.stated, range);
        case.point = point.in_measure(&case.stated.form);
        case.severity = severity;
        judge(case, self.mode)
    }

    /// [`sum`](super::sum), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::UnitMismatch`] when a part is not of the total's dimension;
    /// [`crate::ErrorKind::Empty`] for no parts.
    pub fn sum(&self, parts: &[Quantity], total: &Quantity) -> Result<Finding> {
        if parts.is_empty() {
            return Err(Error::empty("the list of parts"));
        }
        same_dimension(total, &parts.iter().collect::<Vec<_>>())?;
        let intervals: Vec<Interval> = parts.iter().map(Quantity::interval).collect();
        let point = parts
            .iter()
            .try_fold(Decimal::ZERO, |acc, p| acc.checked_add(p.base_value()));
        Ok(self.decide(
            Rule::Sum,
            parts.iter().map(|p| q(Role::Part, p)).collect(),
            Stated::quantity(total),
            ranges::sum(&intervals),
            Point::of(point),
            Severity::Verify,
        ))
    }

    /// [`part_of`](super::part_of), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::UnitMismatch`]; [`crate::ErrorKind::Empty`] for no parts.
    pub fn part_of(&self, parts: &[Quantity], whole: &Quantity) -> Result<Finding> {
        if parts.is_empty() {
            return Err(Error::empty("the list of parts"));
        }
        same_dimension(whole, &parts.iter().collect::<Vec<_>>())?;
        let intervals: Vec<Interval> = parts.iter().map(Quantity::interval).collect();
        // The whole must be at least what the parts can least add up to.
        let at_least = ranges::sum(&intervals).map(|s| s.and_above());
        Ok(self.decide(
            Rule::PartOf,
            parts.iter().map(|p| q(Role::Part, p)).collect(),
            Stated::quantity(whole),
            at_least,
            Point::None,
            Severity::Mandatory,
        ))
    }

    /// [`difference`](super::difference), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::UnitMismatch`].
    pub fn difference(&self, a: &Quantity, b: &Quantity, stated: &Quantity) -> Result<Finding> {
        self.difference_as(Rule::Difference, a, b, stated)
    }

    fn difference_as(
        &self,
        rule: Rule,
        a: &Quantity,
        b: &Quantity,
        stated: &Quantity,
    ) -> Result<Finding> {
        same_dimension(stated, &[a, b])?;
        Ok(self.decide(
            rule,
            vec![q(Role::Minuend, a), q(Role::Subtrahend, b)],
            Stated::quantity(stated),
            a.interval().checked_sub(&b.interval()),
            Point::of(a.base_value().checked_sub(b.base_value())),
            Severity::Verify,
        ))
    }

    /// [`share`](super::share), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::UnitMismatch`].
    pub fn share(&self, part: &Quantity, total: &Quantity, stated: &Rate) -> Result<Finding> {
        part.same_dimension(total)?;
        let point = Point::quotient(
            Some(part.base_value()),
            Decimal::ONE_HUNDRED,
            total.base_value(),
        );
        Ok(self.decide(
            Rule::Share,
            vec![q(Role::Part, part), q(Role::Total, total)],
            Stated::rate(stated),
            ranges::percent_of(&part.interval(), &total.interval()),
            point,
            Severity::Verify,
        ))
    }

    /// [`structure`](super::structure), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::LengthMismatch`] when there is not one stated share a part; the errors
    /// of [`crate::structure`].
    pub fn structure(&self, parts: &[Quantity], stated: &[Rate]) -> Result<Vec<Finding>> {
        if parts.len() != stated.len() {
            return Err(Error::length_mismatch(
                "parts and stated shares",
                parts.len(),
                stated.len(),
            ));
        }
        let s = structure(parts)?;
        let intervals: Vec<Interval> = parts.iter().map(Quantity::interval).collect();
        let figures: Vec<Figure> = parts.iter().map(|p| q(Role::Part, p)).collect();
        let mut findings: Vec<Finding> = stated
            .iter()
            .enumerate()
            .map(|(i, st)| {
                self.decide(
                    Rule::Structure,
                    figures.clone(),
                    Stated::rate(st),
                    ranges::share_in(&intervals, i),
                    Point::of(s.shares().get(i).map(Rate::percent)),
                    Severity::Verify,
                )
            })
            .collect();
        // Forced to 100: the stated shares are the adjusted ones.
        let places = stated
            .iter()
            .map(|r| r.percent().scale())
            .max()
            .unwrap_or(1);
        let adjusted = s
            .clone()
            .with_rounding(crate::Rounding::new(places).with_mode(self.mode))
            .largest_remainder();
        if let Ok(adjusted) = adjusted {
            let same = adjusted
                .shares()
                .iter()
                .zip(stated)
                .all(|(a, b)| a.percent() == b.percent());
            if same {
                for f in findings
                    .iter_mut()
                    .filter(|f| f.verdict == Verdict::Inconsistent)
                {
                    f.verdict = Verdict::Consistent;
                    f.severity = Some(Severity::Hint);
                    f.imbalance = None;
                    f.hypothesis = Some(super::finding::Hypothesis::ForcedToHundred);
                }
            }
        }
        findings.push(self.shares_sum(stated)?);
        Ok(findings)
    }

    /// [`shares_sum`](super::shares_sum), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Empty`] for no shares.
    pub fn shares_sum(&self, stated: &[Rate]) -> Result<Finding> {
        if stated.is_empty() {
            return Err(Error::empty("the list of shares"));
        }
        let hundred = Rate::from_percent(Decimal::ONE_HUNDRED);
        let intervals: Vec<Interval> = stated.iter().map(Rate::interval).collect();
        let point = stated
            .iter()
            .try_fold(Decimal::ZERO, |acc, s| acc.checked_add(s.percent()));
        Ok(self.decide(
            Rule::SharesSum,
            stated.iter().map(|s| r(Role::Part, s)).collect(),
            Stated::rate(&hundred),
            ranges::sum(&intervals),
            Point::of(point),
            Severity::Verify,
        ))
    }

    /// [`completion`](super::completion), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::UnitMismatch`].
    pub fn completion(
        &self,
        actual: &Quantity,
        target: &Quantity,
        stated: &Rate,
    ) -> Result<Finding> {
        actual.same_dimension(target)?;
        let target = target.exact();
        let figures = vec![q(Role::Actual, actual), q(Role::Target, &target)];
        if target.base_value() <= Decimal::ZERO {
            return Ok(not_checkable(
                Rule::Completion,
                figures,
                r(Role::Stated, stated),
                Reason::ZeroBase,
            ));
        }
        let point = Point::quotient(
            Some(actual.base_value()),
            Decimal::ONE_HUNDRED,
            target.base_value(),
        );
        Ok(self.decide(
            Rule::Completion,
            figures,
            Stated::rate(stated),
            ranges::percent_of(&actual.interval(), &target.interval()),
            point,
            Severity::Verify,
        ))
    }

    /// [`growth`](super::growth), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::UnitMismatch`].
    pub fn growth(
        &self,
        current: &Quantity,
        previous: &Quantity,
        stated: &Growth,
    ) -> Result<Finding> {
        self.growth_with_bases(current, previous, stated, &[])
    }

    /// [`Auditor::growth`], with other bases the stated growth may have been computed on.
    pub(crate) fn growth_with_bases(
        &self,
        current: &Quantity,
        previous: &Quantity,
        stated: &Growth,
        bases: &[(&str, Quantity)],
    ) -> Result<Finding> {
        current.same_dimension(previous)?;
        let figures = vec![q(Role::Current, current), q(Role::Previous, previous)];
        let (cur, prev) = (current.base_value(), previous.base_value());
        let stated_figure = Figure::new(Role::Stated, Value::Growth(*stated));
        let Growth::Rate(rate) = stated else {
            let computed = growth_of(cur, prev)?;
            // A state word: it is right or it is not.
            let exact = computed == *stated;
            let verdict = if exact {
                Verdict::Exact
            } else {
                Verdict::Inconsistent
            };
            let mut f = Finding::new(Rule::Growth, figures, stated_figure, verdict);
            f.severity = (!exact).then_some(Severity::Verify);
            f.expect_text(computed.to_string());
            return Ok(f);
        };
        let (cur_range, prev_range) = (current.interval(), previous.interval());
        if prev <= Decimal::ZERO && prev_range.upper().is_some_and(|u| u <= Decimal::ZERO) {
            // No rate on a base that is surely zero or below: the growth is a state.
            let computed = growth_of(cur, prev)?;
            let mut f = Finding::new(Rule::Growth, figures, stated_figure, Verdict::Inconsistent);
            f.severity = Some(Severity::Verify);
            f.expect_text(computed.to_string());
            return Ok(f);
        }
        let mut case = Case::new(Rule::Growth, figures, Stated::growth(stated, rate));
        case.range = in_measure(&case.stated, ranges::growth(&cur_range, &prev_range));
        // (cur − prev) × 100 / prev, for a base above zero.
        case.point = if prev > Decimal::ZERO {
            Point::quotient(cur.checked_sub(prev), Decimal::ONE_HUNDRED, prev)
        } else {
            Point::None
        };
        case.alternatives = bases
            .iter()
            .filter_map(|(what, base)| {
                ranges::growth(&cur_range, &base.interval())
                    .ok()
                    .map(|i| ((*what).to_string(), i))
            })
            .collect();
        Ok(judge(case, self.mode))
    }

    /// [`points`](super::points), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// None today; fallible like the other rules.
    pub fn points(
        &self,
        current: &Rate,
        previous: &Rate,
        stated: &PercentPoints,
    ) -> Result<Finding> {
        Ok(self.decide(
            Rule::Points,
            vec![r(Role::Current, current), r(Role::Previous, previous)],
            Stated::points(stated),
            current.interval().checked_sub(&previous.interval()),
            Point::of(current.percent().checked_sub(previous.percent())),
            Severity::Verify,
        ))
    }

    /// [`per_unit`](super::per_unit), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::UnitMismatch`] when the stated unit fits neither.
    pub fn per_unit(
        &self,
        amount: &Quantity,
        quantity: &Quantity,
        stated: &Quantity,
    ) -> Result<Finding> {
        let ratio_unit = amount.unit().base().per(quantity.unit().base())?;
        let fits = if stated.unit().is_ratio() {
            stated.same_dimension_as(ratio_unit)
        } else {
            stated.same_dimension(amount)
        };
        fits?;
        let figures = vec![q(Role::Amount, amount), q(Role::Quantity, quantity)];
        if quantity.is_zero() {
            return Ok(not_checkable(
                Rule::PerUnit,
                figures,
                q(Role::Stated, stated),
                Reason::ZeroBase,
            ));
        }
        Ok(self.decide(
            Rule::PerUnit,
            figures,
            Stated::quantity(stated),
            ranges::ratio(&amount.interval(), &quantity.interval()),
            Point::quotient(
                Some(amount.base_value()),
                Decimal::ONE,
                quantity.base_value(),
            ),
            Severity::Verify,
        ))
    }

    /// [`pull`](super::pull), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::UnitMismatch`].
    pub fn pull(
        &self,
        current: &Quantity,
        previous: &Quantity,
        previous_total: &Quantity,
        stated: &PercentPoints,
    ) -> Result<Finding> {
        same_dimension(previous_total, &[current, previous])?;
        let point = Point::quotient(
            current.base_value().checked_sub(previous.base_value()),
            Decimal::ONE_HUNDRED,
            previous_total.base_value(),
        );
        Ok(self.decide(
            Rule::Pull,
            vec![
                q(Role::Current, current),
                q(Role::Previous, previous),
                q(Role::Total, previous_total),
            ],
            Stated::points(stated),
            ranges::percent_of(
                &current.interval().checked_sub(&previous.interval())?,
                &previous_total.interval(),
            ),
            point,
            Severity::Verify,
        ))
    }

    /// [`contribution_share`](super::contribution_share), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::UnitMismatch`].
    pub fn contribution_share(
        &self,
        current: &Quantity,
        previous: &Quantity,
        current_total: &Quantity,
        previous_total: &Quantity,
        stated: &Rate,
    ) -> Result<Finding> {
        same_dimension(current, &[previous, current_total, previous_total])?;
        let delta = current_total
            .base_value()
            .checked_sub(previous_total.base_value());
        let point = delta.map_or(Point::None, |t| {
            Point::quotient(
                current.base_value().checked_sub(previous.base_value()),
                Decimal::ONE_HUNDRED,
                t,
            )
        });
        Ok(self.decide(
            Rule::ContributionShare,
            vec![
                q(Role::Current, current),
                q(Role::Previous, previous),
                q(Role::Total, current_total),
                q(Role::Total, previous_total),
            ],
            Stated::rate(stated),
            ranges::contribution_share(
                &current.interval().checked_sub(&previous.interval())?,
                &current_total
                    .interval()
                    .checked_sub(&previous_total.interval())?,
            ),
            point,
            Severity::Verify,
        ))
    }

    /// [`pulls_sum`](super::pulls_sum), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Empty`] for no pulls.
    pub fn pulls_sum(&self, pulls: &[PercentPoints], growth: &Rate) -> Result<Finding> {
        if pulls.is_empty() {
            return Err(Error::empty("the list of pulls"));
        }
        let intervals: Vec<Interval> = pulls.iter().map(PercentPoints::interval).collect();
        let point = pulls
            .iter()
            .try_fold(Decimal::ZERO, |acc, p| acc.checked_add(p.value()));
        Ok(self.decide(
            Rule::PullsSum,
            pulls
                .iter()
                .map(|p| Figure::new(Role::Part, Value::Points(*p)))
                .collect(),
            Stated::rate(growth),
            ranges::sum(&intervals),
            Point::of(point),
            Severity::Verify,
        ))
    }

    /// [`contribution_shares_sum`](super::contribution_shares_sum), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Empty`] for no shares.
    pub fn contribution_shares_sum(&self, shares: &[Rate]) -> Result<Finding> {
        let mut f = self.shares_sum(shares)?;
        f.rule = Rule::ContributionSharesSum;
        Ok(f)
    }

    /// [`schedule_gap`](super::schedule_gap), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Overflow`].
    pub fn schedule_gap(
        &self,
        completion: &Rate,
        elapsed: &Rate,
        stated: &ScheduleGap,
    ) -> Result<Finding> {
        let printed = crate::schedule_gap(completion, elapsed)?.points().value();
        let unrounded = completion.interval().checked_sub(&elapsed.interval())?;
        let range = unrounded.hull(&Interval::point(printed));
        let st = stated.points();
        let mut case = Case::new(
            Rule::ScheduleGap,
            vec![r(Role::Actual, completion), r(Role::Elapsed, elapsed)],
            Stated::points(&st),
        );
        case.stated.figure = Figure::new(Role::Stated, Value::Gap(*stated));
        case.range = Ok(range);
        case.point = Point::Value(printed);
        Ok(judge(case, self.mode))
    }

    /// [`average_growth`](super::average_growth), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Empty`]; [`crate::ErrorKind::OutOfRange`] for a growth of −100% or less.
    pub fn average_growth(&self, rates: &[Rate], stated: &Rate) -> Result<Finding> {
        let point = crate::average_growth(rates)?.percent();
        let intervals: Vec<Interval> = rates.iter().map(Rate::interval).collect();
        Ok(self.decide(
            Rule::AverageGrowth,
            rates.iter().map(|x| r(Role::Item, x)).collect(),
            Stated::rate(stated),
            ranges::average_growth(&intervals),
            Point::Value(point),
            Severity::Verify,
        ))
    }

    /// [`cagr`](super::cagr), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// The errors of [`crate::cagr`].
    pub fn cagr(
        &self,
        last: &Quantity,
        first: &Quantity,
        years: u32,
        stated: &Rate,
    ) -> Result<Finding> {
        let point = crate::cagr(last, first, years)?.percent();
        Ok(self.decide(
            Rule::Cagr,
            vec![q(Role::Current, last), q(Role::Previous, first)],
            Stated::rate(stated),
            ranges::cagr(&last.interval(), &first.interval(), years),
            Point::Value(point),
            Severity::Verify,
        ))
    }

    /// [`multiple`](super::multiple), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::UnitMismatch`].
    pub fn multiple(
        &self,
        current: &Quantity,
        base: &Quantity,
        stated: &Multiple,
    ) -> Result<Finding> {
        current.same_dimension(base)?;
        Ok(self.decide(
            Rule::Multiple,
            vec![q(Role::Current, current), q(Role::Previous, base)],
            Stated::multiple(stated),
            ranges::ratio(&current.interval(), &base.interval()),
            Point::quotient(Some(current.base_value()), Decimal::ONE, base.base_value()),
            Severity::Verify,
        ))
    }

    /// [`task_counts`](super::task_counts), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Overflow`] when the counts do not add up in a u32.
    pub fn task_counts(&self, total: u32, counts: &[u32]) -> Result<Finding> {
        let sum = counts
            .iter()
            .try_fold(0u32, |acc, c| acc.checked_add(*c))
            .ok_or_else(|| Error::overflow("the sum of task counts"))?;
        let sum = Decimal::from(sum);
        let mut case = Case::new(
            Rule::TaskCounts,
            counts
                .iter()
                .map(|c| Figure::new(Role::Count, Value::Count(*c)))
                .collect(),
            Stated::count(total),
        );
        case.range = Ok(Interval::point(sum));
        case.point = Point::Value(sum);
        case.severity = Severity::Mandatory;
        Ok(judge(case, self.mode))
    }

    /// [`task_completion`](super::task_completion), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::OutOfRange`] when more tasks are deferred than there are.
    pub fn task_completion(
        &self,
        completed: u32,
        total: u32,
        deferred: u32,
        stated: &Rate,
    ) -> Result<Finding> {
        let due = total.checked_sub(deferred).ok_or_else(|| {
            Error::out_of_range("deferred tasks", deferred, "no more than the total")
        })?;
        let figures = vec![
            Figure::new(Role::Count, Value::Count(completed)),
            Figure::new(Role::Total, Value::Count(total)),
            Figure::new(Role::Count, Value::Count(deferred)),
        ];
        if due == 0 {
            return Ok(not_checkable(
                Rule::TaskCompletion,
                figures,
                r(Role::Stated, stated),
                Reason::ZeroBase,
            ));
        }
        let hundred = Decimal::ONE_HUNDRED;
        let (done, due) = (Decimal::from(completed), Decimal::from(due));
        let range = Interval::point(done * hundred).checked_div(&Interval::point(due));
        let point = Point::quotient(Some(done), hundred, due);
        let mut f = self.decide(
            Rule::TaskCompletion,
            figures,
            Stated::rate(stated),
            range,
            point,
            Severity::Verify,
        );
        if done > due {
            // More completed than due cannot be, whatever rate is printed.
            f.verdict = Verdict::Inconsistent;
            f.severity = Some(Severity::Mandatory);
        }
        Ok(f)
    }

    /// [`stated_twice`](super::stated_twice), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::UnitMismatch`].
    pub fn stated_twice(&self, first: &Quantity, again: &Quantity) -> Result<Finding> {
        again.same_dimension(first)?;
        Ok(self.decide(
            Rule::StatedTwice,
            vec![q(Role::Item, first)],
            Stated::quantity(again),
            Ok(first.interval()),
            Point::Value(first.base_value()),
            Severity::Verify,
        ))
    }

    /// [`cumulative`](super::cumulative), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::UnitMismatch`].
    pub fn cumulative(&self, earlier: &Quantity, later: &Quantity) -> Result<Finding> {
        later.same_dimension(earlier)?;
        let at_least = Ok(earlier.interval().and_above());
        Ok(self.decide(
            Rule::Cumulative,
            vec![q(Role::Previous, earlier)],
            Stated::quantity(later),
            at_least,
            Point::None,
            Severity::Mandatory,
        ))
    }

    /// [`monthly`](super::monthly), under this auditor's rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::UnitMismatch`].
    pub fn monthly(
        &self,
        cumulative: &Quantity,
        previous: &Quantity,
        stated: &Quantity,
    ) -> Result<Finding> {
        self.difference_as(Rule::Monthly, cumulative, previous, stated)
    }
}

//! What an audit finds: one finding per relation checked, with the figures involved, the interval
//! the operands allow, the verdict, and — where it explains the gap — a hypothesis.

use std::fmt;
use std::sync::{Arc, OnceLock};

use rust_decimal::Decimal;

use crate::{Growth, Interval, Multiple, PercentPoints, Quantity, Rate, ScheduleGap};

/// The verdict on a stated figure.
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// let r = |s: &str| s.parse::<tongji::Rate>();
/// assert_eq!(audit::completion(&q("46596万元")?, &q("44000万元")?, &r("105.9%")?)?.verdict(), Verdict::Exact);
/// assert_eq!(audit::completion(&q("2.68亿元")?, &q("2.5亿元")?, &r("107.2%")?)?.verdict(), Verdict::Exact);
/// assert_eq!(audit::completion(&q("2.68亿元")?, &q("2.5亿元")?, &r("107%")?)?.verdict(), Verdict::Consistent);
/// assert_eq!(audit::completion(&q("2.68亿元")?, &q("2.5亿元")?, &r("107.42%")?)?.verdict(), Verdict::Inconsistent);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Verdict {
    /// The operands as written give exactly the stated figure.
    Exact,
    /// Some values within the operands' rounding give the stated figure, rounded 四舍五入.
    Consistent,
    /// Only if the figure was cut (truncated) instead of rounded.
    ConsistentIfTruncated,
    /// No values within the operands' rounding give it.
    Inconsistent,
    /// The relation cannot be checked; [`Finding::reason`] says why.
    NotCheckable,
}

impl Verdict {
    /// Every verdict, in order.
    pub const ALL: [Verdict; 5] = [
        Verdict::Exact,
        Verdict::Consistent,
        Verdict::ConsistentIfTruncated,
        Verdict::Inconsistent,
        Verdict::NotCheckable,
    ];

    /// A short, stable, lowercase name, for JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::audit::Verdict::ConsistentIfTruncated.as_str(), "consistent_if_truncated");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Verdict::Exact => "exact",
            Verdict::Consistent => "consistent",
            Verdict::ConsistentIfTruncated => "consistent_if_truncated",
            Verdict::Inconsistent => "inconsistent",
            Verdict::NotCheckable => "not_checkable",
        }
    }

    /// Whether the stated figure can stand as it is (exact or within rounding).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit::Verdict;
    /// assert!(Verdict::Consistent.is_consistent() && !Verdict::ConsistentIfTruncated.is_consistent());
    /// ```
    #[must_use]
    pub const fn is_consistent(self) -> bool {
        matches!(self, Verdict::Exact | Verdict::Consistent)
    }
}

/// How serious a finding is, after the NBS practice of 审核 (data checking).
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Severity};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// // 其中 parts that exceed their whole cannot be: 强制性.
/// let f = audit::part_of(&[q("3.2亿元")?, q("1.9亿元")?], &q("4.8亿元")?)?;
/// assert_eq!(f.severity(), Some(Severity::Mandatory));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Severity {
    /// 强制性: impossible (parts exceed the whole, more tasks done than due); must be corrected.
    Mandatory,
    /// 核实性: outside rounding; needs checking and a 说明 if it stands.
    Verify,
    /// 提示: consistent only if truncated, or only under another convention; worth a look.
    Hint,
}

impl Severity {
    /// A short, stable, lowercase name, for JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::audit::Severity::Verify.as_str(), "verify");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Mandatory => "mandatory",
            Severity::Verify => "verify",
            Severity::Hint => "hint",
        }
    }
}

/// Why a relation could not be checked.
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Reason, Verdict};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// // Growth over a base that may be zero has no percentage to check.
/// let f = audit::growth(&q("0.3万元")?, &q("0万元")?, &"增长50%".parse()?)?;
/// assert_eq!((f.verdict(), f.reason()), (Verdict::NotCheckable, Some(Reason::ZeroBase)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// The growth is published at comparable prices, the levels are at current prices.
    ComparablePrices,
    /// The growth is published on a comparable coverage (可比口径), not from these levels.
    ComparableCoverage,
    /// An operand the relation needs is not there.
    MissingOperand,
    /// Last year's figure is preliminary or estimated; the growth is on the revised (核实) base.
    RevisedBase,
    /// A divisor's range reaches zero.
    ZeroBase,
    /// An operand is bounded on one side only (以上, 超), or unbounded.
    Unbounded,
    /// A range's end does not fit a decimal (a crafted or mistyped figure of 28 digits).
    Overflow,
}

impl Reason {
    /// Every reason, in order.
    pub const ALL: [Reason; 7] = [
        Reason::ComparablePrices,
        Reason::ComparableCoverage,
        Reason::MissingOperand,
        Reason::RevisedBase,
        Reason::ZeroBase,
        Reason::Unbounded,
        Reason::Overflow,
    ];

    /// A short, stable, lowercase name, for JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::audit::Reason::ComparablePrices.as_str(), "comparable_prices");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Reason::ComparablePrices => "comparable_prices",
            Reason::ComparableCoverage => "comparable_coverage",
            Reason::MissingOperand => "missing_operand",
            Reason::RevisedBase => "revised_base",
            Reason::ZeroBase => "zero_base",
            Reason::Unbounded => "unbounded",
            Reason::Overflow => "overflow",
        }
    }
}

/// What may explain an inconsistent figure.
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Hypothesis};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// let f = audit::completion(&q("2.68亿元")?, &q("2.5亿元")?, &"107.42%".parse()?)?;
/// assert_eq!(f.hypothesis(), Some(&Hypothesis::Transposed { likely: "107.24%".into() }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Hypothesis {
    /// Two adjacent digits swapped: the figure `likely` was meant (107.24 written 107.42).
    Transposed {
        /// The figure with the digits swapped back, which the operands allow.
        likely: String,
    },
    /// The figure was computed against another base (上年 instead of 目标).
    WrongBase {
        /// The base it fits.
        base: String,
    },
    /// A magnitude slip: the digits fit in another magnitude (万 written for 亿).
    MagnitudeSlip {
        /// The figure in the magnitude the operands allow.
        likely: String,
    },
    /// Rounded twice (first to one more place, then again): the figure `likely` rounds once.
    RoundedTwice {
        /// The figure rounded once, from the operands.
        likely: String,
    },
    /// Shares adjusted so that they sum to exactly 100 (最大余数法), not each rounded on its own.
    ForcedToHundred,
}

impl Hypothesis {
    /// A short, stable, lowercase name, for JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::audit::Hypothesis::ForcedToHundred.as_str(), "forced_to_hundred");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        match self {
            Hypothesis::Transposed { .. } => "transposed",
            Hypothesis::WrongBase { .. } => "wrong_base",
            Hypothesis::MagnitudeSlip { .. } => "magnitude_slip",
            Hypothesis::RoundedTwice { .. } => "rounded_twice",
            Hypothesis::ForcedToHundred => "forced_to_hundred",
        }
    }

    /// The figure or base the hypothesis points to, if it names one.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit::Hypothesis;
    /// assert_eq!(Hypothesis::MagnitudeSlip { likely: "0.16亿元".into() }.detail(), Some("0.16亿元"));
    /// ```
    #[must_use]
    pub fn detail(&self) -> Option<&str> {
        match self {
            Hypothesis::Transposed { likely }
            | Hypothesis::MagnitudeSlip { likely }
            | Hypothesis::RoundedTwice { likely } => Some(likely),
            Hypothesis::WrongBase { base } => Some(base),
            Hypothesis::ForcedToHundred => None,
        }
    }
}

/// The relation a finding checks.
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Rule};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// let f = audit::difference(&q("53670万元")?, &q("46596万元")?, &q("5992万元")?)?;
/// assert_eq!((f.rule(), f.rule().as_str()), (Rule::Difference, "difference"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// 总量 = Σ 分项.
    Sum,
    /// 其中: Σ parts ≤ the whole.
    PartOf,
    /// 剩余 / 差额 = a − b.
    Difference,
    /// 占比 = part / total.
    Share,
    /// One share of a 结构 (三次产业结构), from the parts.
    Structure,
    /// The stated shares of a 结构 sum to 100 within their rounding.
    SharesSum,
    /// 完成率 = actual / target.
    Completion,
    /// 同比增长 from levels.
    Growth,
    /// 个百分点 = r₁ − r₂.
    Points,
    /// 均价, 亩产, 户均, 人均 = amount / quantity.
    PerUnit,
    /// 拉动 = Δᵢ / Y_{t−1}.
    Pull,
    /// 贡献率 = Δᵢ / ΔY.
    ContributionShare,
    /// The 拉动 of the components sum to the total's growth.
    PullsSum,
    /// The 贡献率 of the components sum to 100.
    ContributionSharesSum,
    /// 快于/慢于序时进度 = completion − elapsed, as printed.
    ScheduleGap,
    /// 两年平均 / 平均增长.
    AverageGrowth,
    /// 年均增长.
    Cagr,
    /// 倍数 = current / base.
    Multiple,
    /// A ledger's 总数 = Σ of its counts by status.
    TaskCounts,
    /// A ledger's 完成率 = completed / (total − deferred − cancelled).
    TaskCompletion,
    /// One figure stated twice must agree.
    StatedTwice,
    /// A 累计 never falls within a year.
    Cumulative,
    /// 当月 = 累计 − 上月累计.
    Monthly,
    /// 累计 = Σ 当月 (the single months from January).
    MonthsSum,
}

impl Rule {
    /// A short, stable, lowercase name, for JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::audit::Rule::PartOf.as_str(), "part_of");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Rule::Sum => "sum",
            Rule::PartOf => "part_of",
            Rule::Difference => "difference",
            Rule::Share => "share",
            Rule::Structure => "structure",
            Rule::SharesSum => "shares_sum",
            Rule::Completion => "completion",
            Rule::Growth => "growth",
            Rule::Points => "points",
            Rule::PerUnit => "per_unit",
            Rule::Pull => "pull",
            Rule::ContributionShare => "contribution_share",
            Rule::PullsSum => "pulls_sum",
            Rule::ContributionSharesSum => "contribution_shares_sum",
            Rule::ScheduleGap => "schedule_gap",
            Rule::AverageGrowth => "average_growth",
            Rule::Cagr => "cagr",
            Rule::Multiple => "multiple",
            Rule::TaskCounts => "task_counts",
            Rule::TaskCompletion => "task_completion",
            Rule::StatedTwice => "stated_twice",
            Rule::Cumulative => "cumulative",
            Rule::Monthly => "monthly",
            Rule::MonthsSum => "months_sum",
        }
    }
}

/// What a figure does in a relation.
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Role};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// let f = audit::completion(&q("46596万元")?, &q("44000万元")?, &"105.9%".parse()?)?;
/// let roles: Vec<Role> = f.figures().iter().map(|g| g.role()).collect();
/// assert_eq!(roles, [Role::Actual, Role::Target]);
/// assert_eq!(f.stated().role(), Role::Stated);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Role {
    /// The stated figure checked.
    Stated,
    /// A part of a whole.
    Part,
    /// A whole or total.
    Total,
    /// The figure a difference is taken from.
    Minuend,
    /// The figure taken away.
    Subtrahend,
    /// This period's level or rate.
    Current,
    /// The earlier level or rate.
    Previous,
    /// What was done.
    Actual,
    /// What was aimed at.
    Target,
    /// An amount divided (均价's 总额).
    Amount,
    /// The quantity divided by (均价's 数量).
    Quantity,
    /// The share of the year elapsed.
    Elapsed,
    /// A count of tasks.
    Count,
    /// A figure among several.
    Item,
}

impl Role {
    /// A short, stable, lowercase name, for JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::audit::Role::Subtrahend.as_str(), "subtrahend");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Stated => "stated",
            Role::Part => "part",
            Role::Total => "total",
            Role::Minuend => "minuend",
            Role::Subtrahend => "subtrahend",
            Role::Current => "current",
            Role::Previous => "previous",
            Role::Actual => "actual",
            Role::Target => "target",
            Role::Amount => "amount",
            Role::Quantity => "quantity",
            Role::Elapsed => "elapsed",
            Role::Count => "count",
            Role::Item => "item",
        }
    }
}

/// A figure's value, of whichever type it is.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Value {
    Quantity(Quantity),
    Rate(Rate),
    Points(PercentPoints),
    Multiple(Multiple),
    Growth(Growth),
    Gap(ScheduleGap),
    Count(u32),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Quantity(q) => q.fmt(f),
            Value::Rate(r) => r.fmt(f),
            Value::Points(p) => p.fmt(f),
            Value::Multiple(m) => m.fmt(f),
            Value::Growth(g) => g.fmt(f),
            Value::Gap(g) => g.fmt(f),
            Value::Count(n) => write!(f, "{n}"),
        }
    }
}

/// A figure of a finding: what it does in the relation, and its text as written.
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Role};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// let f = audit::difference(&q("2.85亿元")?, &q("2.68亿元")?, &q("0.16亿元")?)?;
/// let texts: Vec<String> = f.figures().iter().map(|g| g.text()).collect();
/// assert_eq!(texts, ["2.85亿元", "2.68亿元"]);
/// assert_eq!(f.figures()[1].role(), Role::Subtrahend);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Figure {
    role: Role,
    value: Value,
}

impl Figure {
    pub(crate) fn new(role: Role, value: Value) -> Figure {
        Figure { role, value }
    }

    /// What the figure does in the relation.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit::{self, Role};
    /// let q = |s: &str| s.parse::<tongji::Quantity>();
    /// let f = audit::sum(&[q("8.44亿元")?, q("28.35亿元")?, q("42.01亿元")?], &q("78.80亿元")?)?;
    /// assert!(f.figures().iter().all(|g| g.role() == Role::Part));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn role(&self) -> Role {
        self.role
    }

    /// The figure as written ("2.68亿元", "107.42%").
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit;
    /// let q = |s: &str| s.parse::<tongji::Quantity>();
    /// let f = audit::completion(&q("2.68亿元")?, &q("2.5亿元")?, &"107.42％".parse()?)?;
    /// assert_eq!(f.stated().text(), "107.42%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn text(&self) -> String {
        self.value.to_string()
    }
}

/// Where in a table a finding is: the region, indicator and period it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Context {
    pub(crate) region: Arc<str>,
    pub(crate) indicator: Arc<str>,
    pub(crate) period: crate::Period,
}

/// One relation checked: the rule, the figures involved (with their text as written), the stated
/// figure, the interval its operands allow, the verdict, and — for an inconsistent figure — how
/// far outside it is, what the operands give at its places ("应为107.20%"), and a hypothesis when
/// one explains the gap. A finding never changes a figure (未作机械调整).
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Severity, Verdict};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// // 在库总投资53670万元，出数46596万元，剩余5992万元 (seed 002)
/// let f = audit::difference(&q("53670万元")?, &q("46596万元")?, &q("5992万元")?)?;
/// assert_eq!(f.verdict(), Verdict::Inconsistent);
/// assert_eq!(f.expected_text(), "7074万元");
/// assert_eq!(f.allowed().unwrap().to_string(), "(7073, 7075)");
/// assert_eq!(f.imbalance().unwrap().to_string(), "-1081"); // 1081万元 below what the operands allow
/// assert_eq!(f.severity(), Some(Severity::Verify));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Finding {
    pub(crate) rule: Rule,
    pub(crate) figures: Vec<Figure>,
    pub(crate) stated: Figure,
    pub(crate) allowed: Option<Interval>,
    pub(crate) verdict: Verdict,
    pub(crate) severity: Option<Severity>,
    pub(crate) reason: Option<Reason>,
    pub(crate) imbalance: Option<Decimal>,
    /// What the operands give, formatted on first use: most findings stand and are never shown.
    pub(crate) expected: Option<super::judge::Pending>,
    pub(crate) expected_text: OnceLock<String>,
    pub(crate) hypothesis: Option<Hypothesis>,
    pub(crate) context: Option<Context>,
    /// Where in a text the stated figure is (a text audit's findings).
    pub(crate) source: Option<Box<TextSource>>,
    /// The places the stated figure is written with.
    pub(crate) places: u32,
}

impl Finding {
    /// A finding with nothing but its verdict yet.
    pub(crate) fn new(
        rule: Rule,
        figures: Vec<Figure>,
        stated: Figure,
        verdict: Verdict,
    ) -> Finding {
        Finding {
            rule,
            figures,
            stated,
            allowed: None,
            verdict,
            severity: None,
            reason: None,
            imbalance: None,
            expected: None,
            expected_text: OnceLock::new(),
            hypothesis: None,
            context: None,
            source: None,
            places: 0,
        }
    }

    /// The relation checked.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit::{self, Rule};
    /// let f = audit::per_unit(&"3554.85万元".parse()?, &"101.2万公斤".parse()?, &"35.13元".parse()?)?;
    /// assert_eq!(f.rule(), Rule::PerUnit);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// The operands, in the order of the relation.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit;
    /// let f = audit::per_unit(&"3554.85万元".parse()?, &"101.2万公斤".parse()?, &"35.13元".parse()?)?;
    /// assert_eq!(f.figures().iter().map(|g| g.text()).collect::<Vec<_>>(), ["3554.85万元", "101.2万公斤"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn figures(&self) -> &[Figure] {
        &self.figures
    }

    /// The stated figure checked.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit;
    /// let f = audit::per_unit(&"3554.85万元".parse()?, &"101.2万公斤".parse()?, &"35.13元".parse()?)?;
    /// assert_eq!(f.stated().text(), "35.13元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn stated(&self) -> &Figure {
        &self.stated
    }

    /// The interval the operands allow, in the stated figure's measure (its unit and magnitude,
    /// percent, points); `None` when not checkable.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit;
    /// let q = |s: &str| s.parse::<tongji::Quantity>();
    /// let f = audit::completion(&q("2.68亿元")?, &q("2.5亿元")?, &"107.42%".parse()?)?;
    /// assert_eq!(f.allowed().unwrap().to_string(), "[107, 107.4)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn allowed(&self) -> Option<Interval> {
        self.allowed
    }

    /// The verdict.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit::{self, Verdict};
    /// let q = |s: &str| s.parse::<tongji::Quantity>();
    /// assert_eq!(audit::difference(&q("2.85亿元")?, &q("2.68亿元")?, &q("0.16亿元")?)?.verdict(), Verdict::Consistent);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn verdict(&self) -> Verdict {
        self.verdict
    }

    /// How serious it is; `None` for a figure that stands.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit::{self, Severity};
    /// let q = |s: &str| s.parse::<tongji::Quantity>();
    /// assert_eq!(audit::difference(&q("2.85亿元")?, &q("2.68亿元")?, &q("0.16亿元")?)?.severity(), None);
    /// // 107.4% is what 107.42 cut to one place gives, but 2.68 / 2.5 rounds to 107.2%.
    /// let f = audit::completion(&q("2.68亿元")?, &q("2.5亿元")?, &"107.5%".parse()?)?;
    /// assert_eq!(f.severity(), Some(Severity::Verify));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn severity(&self) -> Option<Severity> {
        self.severity
    }

    /// Why it could not be checked; `None` when it was.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit;
    /// let q = |s: &str| s.parse::<tongji::Quantity>();
    /// assert_eq!(audit::difference(&q("2.85亿元")?, &q("2.68亿元")?, &q("0.16亿元")?)?.reason(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn reason(&self) -> Option<Reason> {
        self.reason
    }

    /// How far the stated figure lies outside what the operands allow, in its own measure:
    /// positive above, negative below; `None` when it is within.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit;
    /// let q = |s: &str| s.parse::<tongji::Quantity>();
    /// let f = audit::completion(&q("2.68亿元")?, &q("2.5亿元")?, &"107.42%".parse()?)?;
    /// assert_eq!(f.imbalance().unwrap().to_string(), "0.02"); // percentage points above 107.4
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn imbalance(&self) -> Option<Decimal> {
        self.imbalance
    }

    /// The figure the operands as written give, at the stated figure's places, rounded 四舍五入
    /// (or by the auditor's mode): "107.20%" for a stated "107.42%". Empty when there is none.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit;
    /// let q = |s: &str| s.parse::<tongji::Quantity>();
    /// let f = audit::completion(&q("2.68亿元")?, &q("2.5亿元")?, &"107.42％".parse()?)?;
    /// assert_eq!(f.expected_text(), "107.20%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn expected_text(&self) -> &str {
        self.expected_text
            .get_or_init(|| self.expected.map(|p| p.text()).unwrap_or_default())
    }

    /// Sets the expected figure's text as it is.
    pub(crate) fn expect_text(&mut self, text: String) {
        self.expected = None;
        self.expected_text = OnceLock::from(text);
    }

    /// What may explain an inconsistent figure.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit::{self, Hypothesis};
    /// let q = |s: &str| s.parse::<tongji::Quantity>();
    /// let f = audit::difference(&q("2.85亿元")?, &q("2.68亿元")?, &q("0.17万元")?)?;
    /// assert_eq!(f.hypothesis(), Some(&Hypothesis::MagnitudeSlip { likely: "0.17亿元".into() }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn hypothesis(&self) -> Option<&Hypothesis> {
        self.hypothesis.as_ref()
    }

    /// The region of a table finding.
    ///
    /// # Examples
    ///
    /// ```
    /// let csv = "地区,指标,时期,数值,同比增长\n示例县,接待游客,2023年,74.2万人次,-2.3\n示例县,接待游客,2022年,66.36万人次,\n";
    /// let (t, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// let report = t.audit();
    /// let f = &report.findings()[0];
    /// assert_eq!((f.region(), f.indicator(), f.period().map(|p| p.to_string())), (Some("示例县"), Some("接待游客"), Some("2023年".into())));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn region(&self) -> Option<&str> {
        self.context.as_ref().map(|c| &*c.region)
    }

    /// The indicator (Chinese name) of a table finding.
    ///
    /// # Examples
    ///
    /// See [`Finding::region`].
    ///
    /// ```
    /// assert!(tongji::audit::difference(&"2亿元".parse()?, &"1亿元".parse()?, &"1亿元".parse()?)?.indicator().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn indicator(&self) -> Option<&str> {
        self.context.as_ref().map(|c| &*c.indicator)
    }

    /// The period of a table finding.
    ///
    /// # Examples
    ///
    /// See [`Finding::region`].
    ///
    /// ```
    /// assert!(tongji::audit::difference(&"2亿元".parse()?, &"1亿元".parse()?, &"1亿元".parse()?)?.period().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn period(&self) -> Option<crate::Period> {
        self.context.as_ref().map(|c| c.period)
    }

    pub(crate) fn places(&self) -> u32 {
        self.places
    }

    pub(crate) fn in_context(mut self, context: Context) -> Finding {
        self.context = Some(context);
        self
    }

    /// Where in the text the stated figure's sentence is, for a finding of [`crate::audit::text`].
    ///
    /// # Examples
    ///
    /// ```
    /// let report = tongji::audit::text("标题\n预计州外到位资金2.68亿元，完成年度目标任务数2.5亿元的107.42％。")?;
    /// let at = report.findings()[0].source().unwrap();
    /// assert_eq!(at.line(), 2);
    /// assert!(at.sentence().starts_with("预计州外到位资金"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn source(&self) -> Option<&TextSource> {
        self.source.as_deref()
    }

    pub(crate) fn in_text(mut self, source: TextSource) -> Finding {
        self.source = Some(Box::new(source));
        self
    }
}

/// Where a text audit found a relation: the line, the byte span of the sentence, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSource {
    pub(crate) line: usize,
    pub(crate) span: std::ops::Range<usize>,
    pub(crate) sentence: Box<str>,
}

impl TextSource {
    /// The line, from 1.
    ///
    /// # Examples
    ///
    /// ```
    /// let report = tongji::audit::text("标题\n预计州外到位资金2.68亿元，完成年度目标任务数2.5亿元的107.42％。")?;
    /// let at = report.findings()[0].source().unwrap();
    /// assert_eq!(at.line(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn line(&self) -> usize {
        self.line
    }

    /// The byte range of the sentence in the text.
    ///
    /// # Examples
    ///
    /// ```
    /// let report = tongji::audit::text("标题\n预计州外到位资金2.68亿元，完成年度目标任务数2.5亿元的107.42％。")?;
    /// let at = report.findings()[0].source().unwrap();
    /// assert_eq!(at.span().start, 7);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn span(&self) -> std::ops::Range<usize> {
        self.span.clone()
    }

    /// The sentence.
    ///
    /// # Examples
    ///
    /// ```
    /// let report = tongji::audit::text("标题\n预计州外到位资金2.68亿元，完成年度目标任务数2.5亿元的107.42％。")?;
    /// let at = report.findings()[0].source().unwrap();
    /// assert!(at.sentence().ends_with("107.42％"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sentence(&self) -> &str {
        &self.sentence
    }
}

impl fmt::Display for Finding {
    /// The finding as an 审核报告 line: "【核实性】完成率：107.42%与2.68亿元、2.5亿元不符，应为107.20%（…）".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::text::audit::write_finding(f, self)
    }
}

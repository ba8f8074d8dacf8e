//! Report audit (勾稽关系): every stated derived figure checked against its operands, with the
//! rounding of the digits as printed.
//!
//! A report prints "2.68亿元……完成年度目标任务数2.5亿元的107.42％". Each figure stands for the
//! values that print as it: "2.68亿元" for [2.675, 2.685) 亿元, a target (a set number) for itself.
//! Interval arithmetic in exact decimals carries those ranges through the formula — 2.68 / 2.5 lies
//! in [107.0%, 107.4%) — and the stated figure is judged against the range: `Exact`, `Consistent`
//! (within rounding), `ConsistentIfTruncated`, `Inconsistent` (with what the operands give at the
//! stated figure's places, "应为107.20%", and a hypothesis when one explains the gap), or
//! `NotCheckable` with its reason. An audit never changes a figure (未作机械调整): it reports.
//!
//! ```
//! use tongji::audit::{self, Hypothesis, Verdict};
//! use tongji::{Quantity, Rate};
//! let actual: Quantity = "2.68亿元".parse()?;
//! let target: Quantity = "2.5亿元".parse()?;
//! let f = audit::completion(&actual, &target, &"107.42％".parse()?)?;
//! assert_eq!(f.verdict(), Verdict::Inconsistent);
//! assert_eq!(f.expected_text(), "107.20%");
//! assert_eq!(f.hypothesis(), Some(&Hypothesis::Transposed { likely: "107.24%".into() }));
//! assert_eq!(f.to_string(), "【核实性】完成率107.42%与2.68亿元、2.5亿元不符，应为107.20%（可取范围[107, 107.4)，超出0.02；疑为两位数字颠倒，应为107.24%）");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## What each figure stands for
//!
//! | written | stands for | precision |
//! |---|---|---|
//! | 2.68亿元, 107.42% | the values that round to it, 四舍五入: [2.675, 2.685) | [`Precision::Rounded`](crate::Precision) |
//! | 44项, a count; a target or budget (`completion`'s target) | itself | `Exact` |
//! | 200余亩, 200多亩 | (200, 201) 亩 (above it, below one more unit of its last digit) | `Approximate` |
//! | 1000万元以上 / 超1000万元 | [1000, ∞) / (1000, ∞) 万元 | `Approximate` |
//! | 近1万人, 不到1万人 | [0.9999, 1) 万人 … one unit below | `Approximate` |
//! | 约/左右 | ± half a unit of the last digit | `Approximate` |
//! | a computed figure | the range of its formula over its operands | `Exact` or `Within` |
//!
//! Operands bounded on one side only, divisors whose range reaches zero, and growth on a base that
//! may be zero give `NotCheckable`, never a confident verdict.
//!
//! ## Severity
//!
//! After the NBS practice of 审核: [`Severity::Mandatory`] (强制性) for what cannot be — parts above
//! their whole, a 累计 that falls, more tasks done than due; [`Severity::Verify`] (核实性) for a figure
//! outside rounding, which needs checking or a 说明; [`Severity::Hint`] (提示) for a figure that
//! stands only if it was cut rather than rounded, or only because shares were forced to 100.
//!
//! ## Tables
//!
//! [`Table::audit`](crate::Table::audit) runs every rule a table's data allows and returns an
//! [`AuditReport`]: published growth against levels, sectors against their total, townships against
//! the county, 累计 through the year, 当月 and 当季 against two 累计. Its `Display` is a Chinese
//! 审核报告; its `Serialize` is the JSON below.
//!
//! ## JSON schema (`tongji/audit/v1`)
//!
//! An [`AuditReport`] serializes as one object. Decimals are strings with every digit, so no figure
//! passes through a float; names are the stable `as_str` of each enum. Fields are only ever added
//! within a schema version.
//!
//! ```text
//! {
//!   "schema": "tongji/audit/v1",
//!   "checked": 3,                         // findings in all
//!   "counts": {
//!     "verdict":  { "exact": 1, "consistent": 1, "consistent_if_truncated": 0,
//!                   "inconsistent": 1, "not_checkable": 0 },
//!     "severity": { "mandatory": 0, "verify": 1, "hint": 0 }
//!   },
//!   "findings": [ {
//!     "rule": "growth",                   // Rule::as_str
//!     "region": "示例县", "indicator": "接待游客", "period": "2023年",   // null outside a table
//!     "figures": [ { "role": "current", "text": "74.2万人次" },
//!                  { "role": "previous", "text": "66.36万人次" } ],
//!     "stated": { "role": "stated", "text": "下降2.3%" },
//!     "allowed": { "lower": "11.7…", "lower_closed": true,             // null: not checkable
//!                  "upper": "11.9…", "upper_closed": false },          // an end null: unbounded
//!     "verdict": "inconsistent",          // Verdict::as_str
//!     "severity": "verify",               // null for a figure that stands
//!     "reason": null,                     // Reason::as_str when not checkable
//!     "imbalance": "-14.1…",              // null within the range
//!     "expected": "增长11.8%",            // null when the operands give no figure
//!     "hypothesis": null                  // or { "kind": "transposed", "detail": "107.24%" }
//!   } ]
//! }
//! ```
//!
//! ```
//! let csv = "地区,指标,时期,数值,同比增长\n示例县,接待游客,2023年,74.2万人次,-2.3\n示例县,接待游客,2022年,66.36万人次,\n";
//! let (table, _) = tongji::Table::read_csv(csv.as_bytes())?;
//! let json: serde_json::Value = serde_json::to_value(table.audit())?;
//! assert_eq!(json["schema"], "tongji/audit/v1");
//! assert_eq!(json["counts"]["verdict"]["inconsistent"], 1);
//! assert_eq!(json["findings"][0]["expected"], "增长11.8%");
//! assert_eq!(json["findings"][0]["allowed"]["lower_closed"], true);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub(crate) mod finding;
mod judge;
mod report;
pub(crate) mod rules;
mod text;

// Aliases stand on the `pub use` of items defined in private modules (see lib.rs).
pub use crate::table::audit::AuditOptions;
#[doc(alias = "强制性")]
#[doc(alias = "核实性")]
pub use finding::Severity;
pub use finding::TextSource;
#[doc(alias = "审核结果")]
pub use finding::Verdict;
pub use finding::{Figure, Finding, Hypothesis, Reason, Role, Rule};
#[doc(alias = "审核报告")]
pub use report::AuditReport;
#[doc(alias = "审核")]
pub use rules::Auditor;
#[doc(alias = "文字审核")]
#[doc(alias = "报告审核")]
pub use text::{text, text_with};

use crate::{Growth, Multiple, PercentPoints, Quantity, Rate, Result, ScheduleGap};

/// 总量 = Σ 分项: the stated total against the sum of its parts (a complete breakdown; for
/// 其中 parts use [`part_of`]).
///
/// # Errors
///
/// [`crate::ErrorKind::UnitMismatch`] when a part is not of the total's dimension;
/// [`crate::ErrorKind::Empty`] for no parts.
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// // The sample county's 前三季度 sectors against its 地区生产总值.
/// let f = audit::sum(&[q("8.44亿元")?, q("28.35亿元")?, q("42.01亿元")?], &q("78.80亿元")?)?;
/// assert_eq!(f.verdict(), Verdict::Exact);
/// let f = audit::sum(&[q("8.44亿元")?, q("28.35亿元")?, q("42.01亿元")?], &q("78.83亿元")?)?;
/// assert_eq!((f.verdict(), f.expected_text()), (Verdict::Inconsistent, "78.80亿元"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "总量")]
#[doc(alias = "合计")]
pub fn sum(parts: &[Quantity], total: &Quantity) -> Result<Finding> {
    Auditor::new().sum(parts, total)
}

/// 其中: parts of a whole that need not be all of it; their sum cannot exceed the whole. A
/// sum beyond the whole's rounding is impossible: 强制性.
///
/// # Errors
///
/// [`crate::ErrorKind::UnitMismatch`]; [`crate::ErrorKind::Empty`] for no parts.
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// // 一般公共预算支出8.2亿元，其中民生支出6.6亿元
/// assert_eq!(audit::part_of(&[q("6.6亿元")?], &q("8.2亿元")?)?.verdict(), Verdict::Consistent);
/// assert_eq!(audit::part_of(&[q("8.36亿元")?], &q("8.2亿元")?)?.verdict(), Verdict::Inconsistent);
/// // 8.26 above 8.2 stands only if the 8.2 was cut from 8.26 or more, not rounded.
/// assert_eq!(audit::part_of(&[q("8.26亿元")?], &q("8.2亿元")?)?.verdict(), Verdict::ConsistentIfTruncated);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "其中")]
pub fn part_of(parts: &[Quantity], whole: &Quantity) -> Result<Finding> {
    Auditor::new().part_of(parts, whole)
}

/// 剩余 / 差额: `a − b`. A target or budget is a set number: pass it as [`Quantity::exact`]
/// ("年度目标2.85亿元，已完成2.68亿元，剩余0.17亿元").
///
/// # Errors
///
/// [`crate::ErrorKind::UnitMismatch`].
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// // 年度目标任务2.85亿元，已到位2.68亿元，剩余0.16亿元 (seed 002): fine within rounding
/// let f = audit::difference(&q("2.85亿元")?, &q("2.68亿元")?, &q("0.16亿元")?)?;
/// assert_eq!((f.verdict(), f.expected_text()), (Verdict::Consistent, "0.17亿元"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "剩余")]
#[doc(alias = "差额")]
pub fn difference(a: &Quantity, b: &Quantity, stated: &Quantity) -> Result<Finding> {
    Auditor::new().difference(a, b, stated)
}

/// 占比 / 比重: `part × 100 / total`.
///
/// # Errors
///
/// [`crate::ErrorKind::UnitMismatch`].
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// // 第三产业增加值688238亿元……比重为54.6% (2023年统计公报)
/// let f = audit::share(&q("688238亿元")?, &q("1260582亿元")?, &"54.6%".parse()?)?;
/// assert_eq!(f.verdict(), Verdict::Consistent);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "占比")]
#[doc(alias = "比重")]
pub fn share(part: &Quantity, total: &Quantity, stated: &Rate) -> Result<Finding> {
    Auditor::new().share(part, total, stated)
}

/// 结构 (三次产业结构): each stated share against the parts, and the stated shares' sum
/// against 100. When the stated shares are the parts' shares adjusted to sum to 100 (最大余数法)
/// rather than each rounded, the adjusted ones stand, with a 提示 saying so.
///
/// # Errors
///
/// [`crate::ErrorKind::LengthMismatch`] when there is not one stated share a part; the errors
/// of [`crate::structure`].
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Hypothesis, Verdict};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// let r = |s: &str| s.parse::<tongji::Rate>();
/// let parts = [q("1.0000万元")?, q("1.0000万元")?, q("1.0000万元")?];
/// let plain = audit::structure(&parts, &[r("33.3%")?, r("33.3%")?, r("33.3%")?])?;
/// assert!(plain.iter().all(|f| f.verdict().is_consistent()));
/// let forced = audit::structure(&parts, &[r("33.4%")?, r("33.3%")?, r("33.3%")?])?;
/// assert_eq!(forced[0].hypothesis(), Some(&Hypothesis::ForcedToHundred));
/// assert_eq!(forced[0].verdict(), Verdict::Consistent);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "结构")]
pub fn structure(parts: &[Quantity], stated: &[Rate]) -> Result<Vec<Finding>> {
    Auditor::new().structure(parts, stated)
}

/// The stated shares of a 结构 sum to 100 within their rounding (each ± half a unit of its last
/// place).
///
/// # Errors
///
/// [`crate::ErrorKind::Empty`] for no shares.
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let r = |s: &str| s.parse::<tongji::Rate>();
/// assert_eq!(audit::shares_sum(&[r("7.1%")?, r("38.3%")?, r("54.6%")?])?.verdict(), Verdict::Exact);
/// // 100.1 is within three roundings of 100; 100.3 is not.
/// assert_eq!(audit::shares_sum(&[r("7.1%")?, r("38.3%")?, r("54.7%")?])?.verdict(), Verdict::Consistent);
/// assert_eq!(audit::shares_sum(&[r("7.1%")?, r("38.3%")?, r("54.9%")?])?.verdict(), Verdict::Inconsistent);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "结构合计")]
pub fn shares_sum(stated: &[Rate]) -> Result<Finding> {
    Auditor::new().shares_sum(stated)
}

/// 完成率: `actual × 100 / target`. A target is a set number: exact, whatever digits it is
/// written with.
///
/// # Errors
///
/// [`crate::ErrorKind::UnitMismatch`].
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// // 预计州外到位资金2.68亿元完成年度目标任务数2.5亿元的107.42％ (seed 002)
/// let f = audit::completion(&q("2.68亿元")?, &q("2.5亿元")?, &"107.42％".parse()?)?;
/// assert_eq!(f.verdict(), Verdict::Inconsistent);
/// assert_eq!(f.expected_text(), "107.20%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "完成率")]
pub fn completion(actual: &Quantity, target: &Quantity, stated: &Rate) -> Result<Finding> {
    Auditor::new().completion(actual, target, stated)
}

/// 同比增长 from levels: the stated growth (a rate, or a state such as 新增) against
/// `current` over `previous`.
///
/// # Errors
///
/// [`crate::ErrorKind::UnitMismatch`].
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// let f = audit::growth(&q("74.2万人次")?, &q("66.36万人次")?, &"-2.3%".parse()?)?;
/// assert_eq!((f.verdict(), f.expected_text()), (Verdict::Inconsistent, "增长11.8%"));
/// assert_eq!(audit::growth(&q("5万元")?, &q("0万元")?, &"新增".parse()?)?.verdict(), Verdict::Exact);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "同比增长")]
#[doc(alias = "增速")]
pub fn growth(current: &Quantity, previous: &Quantity, stated: &Growth) -> Result<Finding> {
    Auditor::new().growth(current, previous, stated)
}

/// 个百分点: the stated change against `current − previous`.
///
/// # Errors
///
/// None today; fallible like the other rules.
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let r = |s: &str| s.parse::<tongji::Rate>();
/// // 第三产业比重由52.8%提高到54.6%，提高1.8个百分点
/// let f = audit::points(&r("54.6%")?, &r("52.8%")?, &"1.8个百分点".parse()?)?;
/// assert_eq!(f.verdict(), Verdict::Exact);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "个百分点")]
pub fn points(current: &Rate, previous: &Rate, stated: &PercentPoints) -> Result<Finding> {
    Auditor::new().points(current, previous, stated)
}

/// 均价, 亩产, 户均, 人均: `amount / quantity`. The stated figure is in the ratio's unit
/// ("35.13元/公斤") or, as reports write it, in the amount's unit per the quantity's base unit
/// ("均价35.13元" per 公斤).
///
/// # Errors
///
/// [`crate::ErrorKind::UnitMismatch`] when the stated unit fits neither.
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// // 收购101.2万公斤，收购总额3554.85万元，均价35.13元 (seed 002)
/// let f = audit::per_unit(&q("3554.85万元")?, &q("101.2万公斤")?, &q("35.13元")?)?;
/// assert_eq!(f.verdict(), Verdict::Consistent);
/// assert_eq!(audit::per_unit(&q("3554.85万元")?, &q("101.2万公斤")?, &q("35.13元/公斤")?)?.verdict(), Verdict::Consistent);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "均价")]
#[doc(alias = "亩产")]
#[doc(alias = "人均")]
#[doc(alias = "户均")]
pub fn per_unit(amount: &Quantity, quantity: &Quantity, stated: &Quantity) -> Result<Finding> {
    Auditor::new().per_unit(amount, quantity, stated)
}

/// 拉动 of a component: `(current − previous) × 100 / previous total`.
///
/// # Errors
///
/// [`crate::ErrorKind::UnitMismatch`].
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// let f = audit::pull(&q("53.7亿元")?, &q("50亿元")?, &q("100亿元")?, &"3.7个百分点".parse()?)?;
/// assert_eq!(f.verdict(), Verdict::Exact);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "拉动")]
pub fn pull(
    current: &Quantity,
    previous: &Quantity,
    previous_total: &Quantity,
    stated: &PercentPoints,
) -> Result<Finding> {
    Auditor::new().pull(current, previous, previous_total, stated)
}

/// 贡献率 of a component: `Δᵢ × 100 / ΔY`, from the component's and the total's levels.
///
/// # Errors
///
/// [`crate::ErrorKind::UnitMismatch`].
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// let f = audit::contribution_share(&q("53.7亿元")?, &q("50亿元")?, &q("106亿元")?, &q("100亿元")?, &"61.7%".parse()?)?;
/// assert_eq!(f.verdict(), Verdict::Consistent); // 3.7 / 6
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "贡献率")]
pub fn contribution_share(
    current: &Quantity,
    previous: &Quantity,
    current_total: &Quantity,
    previous_total: &Quantity,
    stated: &Rate,
) -> Result<Finding> {
    Auditor::new().contribution_share(current, previous, current_total, previous_total, stated)
}

/// The stated 拉动 of all components sum to the stated growth of the total, within their
/// rounding.
///
/// # Errors
///
/// [`crate::ErrorKind::Empty`] for no pulls.
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let p = |s: &str| s.parse::<tongji::PercentPoints>();
/// // 三次产业分别拉动0.3、1.9、3.1个百分点；国内生产总值增长5.2%
/// let f = audit::pulls_sum(&[p("0.3个百分点")?, p("1.9个百分点")?, p("3.1个百分点")?], &"5.2%".parse()?)?;
/// assert_eq!(f.verdict(), Verdict::Consistent); // 5.3 against 5.2: within three roundings
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "拉动合计")]
pub fn pulls_sum(pulls: &[PercentPoints], growth: &Rate) -> Result<Finding> {
    Auditor::new().pulls_sum(pulls, growth)
}

/// The stated 贡献率 of all components sum to 100 within their rounding.
///
/// # Errors
///
/// [`crate::ErrorKind::Empty`] for no shares.
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let r = |s: &str| s.parse::<tongji::Rate>();
/// assert_eq!(audit::contribution_shares_sum(&[r("82.5%")?, r("28.9%")?, r("-11.4%")?])?.verdict(), Verdict::Exact);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "贡献率合计")]
pub fn contribution_shares_sum(shares: &[Rate]) -> Result<Finding> {
    Auditor::new().contribution_shares_sum(shares)
}

/// 快于/慢于序时进度: the stated gap against completion − elapsed. Reports subtract the two
/// figures as printed (each at its places, a computed one at 1); a gap from the unrounded
/// figures is accepted too.
///
/// # Errors
///
/// [`crate::ErrorKind::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let f = audit::schedule_gap(&"105.9%".parse()?, &"2023年1—10月".parse::<tongji::Period>()?.elapsed(),
///                             &"快于序时进度22.6个百分点".parse()?)?;
/// assert_eq!(f.verdict(), Verdict::Exact); // 105.9 − 83.3
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "序时进度")]
pub fn schedule_gap(completion: &Rate, elapsed: &Rate, stated: &ScheduleGap) -> Result<Finding> {
    Auditor::new().schedule_gap(completion, elapsed, stated)
}

/// 两年平均 / 平均增长 of consecutive growth rates.
///
/// # Errors
///
/// [`crate::ErrorKind::Empty`]; [`crate::ErrorKind::OutOfRange`] for a growth of −100% or less.
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let r = |s: &str| s.parse::<tongji::Rate>();
/// // 一季度同比增长18.3%，两年平均增长5.0% (2020年一季度下降6.8%)
/// let f = audit::average_growth(&[r("18.3%")?, r("-6.8%")?], &r("5.0%")?)?;
/// assert_eq!(f.verdict(), Verdict::Consistent);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "两年平均")]
pub fn average_growth(rates: &[Rate], stated: &Rate) -> Result<Finding> {
    Auditor::new().average_growth(rates, stated)
}

/// 年均增长 from `first` to `last` over `years`.
///
/// # Errors
///
/// The errors of [`crate::cagr`].
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// let f = audit::cagr(&q("146.93亿元")?, &q("100亿元")?, 5, &"8.0%".parse()?)?;
/// assert_eq!(f.verdict(), Verdict::Consistent);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "年均增长")]
pub fn cagr(last: &Quantity, first: &Quantity, years: u32, stated: &Rate) -> Result<Finding> {
    Auditor::new().cagr(last, first, years, stated)
}

/// 倍数: `current / base` ("是上年的2.79倍").
///
/// # Errors
///
/// [`crate::ErrorKind::UnitMismatch`].
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// assert_eq!(audit::multiple(&q("27.9亿元")?, &q("10亿元")?, &"2.79倍".parse()?)?.verdict(), Verdict::Exact);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "倍数")]
pub fn multiple(current: &Quantity, base: &Quantity, stated: &Multiple) -> Result<Finding> {
    Auditor::new().multiple(current, base, stated)
}

/// A ledger's 总数 against its counts by status (完成 + 延期 + 推进中 …): counts are exact, so
/// any difference is impossible: 强制性.
///
/// # Errors
///
/// [`crate::ErrorKind::Overflow`] when the counts do not add up in a u32.
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Severity, Verdict};
/// assert_eq!(audit::task_counts(44, &[40, 4])?.verdict(), Verdict::Exact);
/// assert_eq!(audit::task_counts(44, &[41, 4])?.severity(), Some(Severity::Mandatory));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "改革任务")]
pub fn task_counts(total: u32, counts: &[u32]) -> Result<Finding> {
    Auditor::new().task_counts(total, counts)
}

/// A ledger's 完成率 over the tasks due: `completed × 100 / (total − deferred)` (deferred and
/// cancelled tasks leave the denominator). More completed than due is impossible: 强制性.
///
/// # Errors
///
/// [`crate::ErrorKind::OutOfRange`] when more tasks are deferred than there are.
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Severity, Verdict};
/// // 44项改革事项(其中4项延期)，40项全部完成，完成率100% (seed 004)
/// assert_eq!(audit::task_completion(40, 44, 4, &"100%".parse()?)?.verdict(), Verdict::Exact);
/// let f = audit::task_completion(41, 44, 4, &"100%".parse()?)?;
/// assert_eq!((f.verdict(), f.severity()), (Verdict::Inconsistent, Some(Severity::Mandatory)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "任务完成率")]
pub fn task_completion(
    completed: u32,
    total: u32,
    deferred: u32,
    stated: &Rate,
) -> Result<Finding> {
    Auditor::new().task_completion(completed, total, deferred, stated)
}

/// One figure stated twice ("全年完成投资4.7亿元……完成投资47149万元") must agree within the
/// rounding of both.
///
/// # Errors
///
/// [`crate::ErrorKind::UnitMismatch`].
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// assert_eq!(audit::stated_twice(&q("47149万元")?, &q("4.7亿元")?)?.verdict(), Verdict::Consistent);
/// assert_eq!(audit::stated_twice(&q("47149万元")?, &q("4.8亿元")?)?.verdict(), Verdict::Inconsistent);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "前后数据")]
pub fn stated_twice(first: &Quantity, again: &Quantity) -> Result<Finding> {
    Auditor::new().stated_twice(first, again)
}

/// A 累计 never falls within a year: the later year-to-date figure of a flow is at least the
/// earlier one. A fall beyond rounding is impossible: 强制性.
///
/// # Errors
///
/// [`crate::ErrorKind::UnitMismatch`].
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// assert_eq!(audit::cumulative(&q("42846万元")?, &q("47149万元")?)?.verdict(), Verdict::Consistent);
/// assert_eq!(audit::cumulative(&q("42846万元")?, &q("4.1亿元")?)?.verdict(), Verdict::Inconsistent);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "累计")]
pub fn cumulative(earlier: &Quantity, later: &Quantity) -> Result<Finding> {
    Auditor::new().cumulative(earlier, later)
}

/// 当月 = 累计 − 上月累计.
///
/// # Errors
///
/// [`crate::ErrorKind::UnitMismatch`].
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// // 1—3月13175万元，1—2月8920万元：3月4255万元
/// assert_eq!(audit::monthly(&q("13175万元")?, &q("8920万元")?, &q("4255万元")?)?.verdict(), Verdict::Exact);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "当月")]
pub fn monthly(cumulative: &Quantity, previous: &Quantity, stated: &Quantity) -> Result<Finding> {
    Auditor::new().monthly(cumulative, previous, stated)
}

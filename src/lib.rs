//! # tongji (统计)
//!
//! Exact figures for Chinese government work reports and statistical communiqués: read
//! "2.85亿元", "46596万元", "105.9％", "101.2万公斤" into typed decimal values, compute the derived
//! figures reports print — 同比增长, 完成率, 占比/结构, 个百分点, 贡献率/拉动, 两年平均, 序时进度,
//! 均价/亩产 — by the official conventions, and write them back as Chinese report text.
//!
//! No floating point anywhere: every number is a [`rust_decimal::Decimal`] inside a domain type.
//!
//! ## Quick start
//!
//! ```
//! use tongji::{completion, growth, structure, Magnitude, Period, Quantity, Rate};
//!
//! let q: Quantity = "2.85亿元".parse()?;
//! assert_eq!(q.to_string(), "2.85亿元");
//! assert_eq!(q.to_magnitude("万".parse::<Magnitude>()?)?.to_string(), "28500万元");
//! let sum = q.checked_add(&"46596万元".parse()?)?;
//! assert_eq!(sum, "7.5096亿元".parse::<Quantity>()?);
//! let r: Rate = "105.9％".parse()?;
//! assert_eq!(r.to_string(), "105.9%");
//! assert!("X亿元".parse::<Quantity>().is_err());
//! assert!("3亿元".parse::<Quantity>()?.checked_add(&"3万人次".parse()?).is_err());
//!
//! let g = growth(&"1301亿元".parse()?, &"1250亿元".parse()?)?;
//! assert_eq!(g.to_string(), "增长4.1%");
//! let r = completion(&"46596万元".parse()?, &"4.4亿元".parse()?)?;
//! assert_eq!(r.to_string(), "105.9%");
//! let s = structure(&["12.34亿元".parse()?, "45.67亿元".parse()?, "78.9亿元".parse()?])?;
//! assert_eq!(s.to_string(), "9.0:33.4:57.6");
//! let p: Period = "2023年1—10月".parse()?;
//! assert_eq!(p.elapsed().to_string(), "83.3%");
//! assert_eq!(tongji::schedule_gap(&r, &p.elapsed())?.to_string(), "快于序时进度22.6个百分点");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## The model
//!
//! - [`Quantity`]: an exact value with a [`Unit`] (元, 公斤, 亩, 人次, 项 …) and the [`Magnitude`] it
//!   was written in (万, 亿 …). Equality and arithmetic are in base units, so "2.85亿元" equals
//!   "28500万元"; a unit mismatch (元 + 人次, 项 + 件) is an [`Error`], never a silent sum. A parsed
//!   figure knows its [`Precision`] ("2.68" is ± 0.005) or that it is approximate ("200余亩").
//! - [`Rate`] (percent or per mille), [`PercentPoints`] (个百分点), [`Multiple`] (倍).
//! - [`Period`]: 年, 上半年, 三季度, 10月, 1—10月, 前三季度, with 上年同期 and 序时进度.
//! - Indicator math: [`growth`] (a [`Growth`] state where a zero or negative base makes a
//!   percentage meaningless: 新增, 扭亏为盈, 减亏 …), [`completion`], [`share`], [`structure`],
//!   [`contributions`], [`average_growth`], [`cagr`], [`per_unit`], [`schedule_gap`].
//!
//! ## Tables and CSV
//!
//! A [`Table`] holds observations (region × indicator × period → value, with status, published
//! growth and target) against a [`Catalog`] of indicators that says how each aggregates and whether
//! its growth may be recomputed from levels.
//!
//! ```
//! use tongji::{Period, Table};
//! let csv = "地区,指标,时期,数值,同比增长\n示例县,社会消费品零售总额,2023年,120.5亿元,\n示例县,社会消费品零售总额,2022年,110亿元,\n";
//! let (table, bad_rows) = Table::read_csv(csv.as_bytes())?;
//! assert!(bad_rows.is_empty());
//! let g = table.growth("示例县", "社会消费品零售总额", &"2023年".parse::<Period>()?)?;
//! assert_eq!(g.to_string(), "增长9.5%");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! CSV is long format, one observation a row, with Chinese or English headers: `地区/region`,
//! `指标/indicator` (name or code), `时期/period`, `数值/value` (with its unit, or with a
//! `单位/unit` column), and optionally `状态/status`, `同比增长/yoy`, `目标/target`. UTF-8 with or
//! without BOM; GBK/GB18030 with the `gbk` feature (on by default). A bad row is reported with its
//! line and column, and the good rows are kept ([`CsvOptions::strict`] fails instead).
//!
//! ## Ledgers
//!
//! A [`Ledger`] of reform tasks (领域, 任务, 牵头单位, 完成时限, 状态, 延期原因, 成果形式) gives the
//! summary reports print — 完成率 over the tasks due (deferred and cancelled tasks leave the
//! denominator) beside the rate over all tasks — the overdue list, and the changes between two
//! monthly snapshots. A [`Rectification`] list gives 整改率.
//!
//! ```
//! use tongji::Ledger;
//! let csv = "领域,任务,牵头单位,完成时限,状态,延期原因\n经济体制,优化营商环境,发改委,2021年12月,已完成,\n行政体制,行政复议体制改革,司法局,2021年12月,延期,市级方案未印发\n";
//! let (ledger, bad_rows) = Ledger::read_csv(csv.as_bytes())?;
//! assert!(bad_rows.is_empty());
//! let s = ledger.summary();
//! assert_eq!(s.completion_rate().to_string(), "100.0%");
//! assert_eq!(s.completion_rate_all().to_string(), "50.0%");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Rounding
//!
//! Figures are computed exactly (to 28 significant digits) and rounded once, when displayed.
//! Rounding is 四舍五入 — half away from zero (0.05% → "0.1%", −0.05% → "-0.1%") — unless a
//! [`Rounding`] with [`RoundingMode::HalfEven`] (GB/T 8170) is asked for. Defaults: rates, shares,
//! completion and percentage points to 1 decimal; 倍 to 2. A figure parsed from text displays with
//! the digits it was written with. `format!("{:.2}", rate)` rounds half away from zero (our own
//! formatting: `Decimal`'s `{:.N}` truncates).
//!
//! ## Features
//!
//! - `gbk` (default): decode GBK/GB18030 CSV input (encoding_rs).
//!
//! ## Errors and bad input
//!
//! Nothing panics on any input. Every error names the operand or quotes the text: a placeholder
//! ("X", "XX", "—") is [`Error::Placeholder`], never zero; an unknown unit is
//! [`Error::UnknownUnit`] naming it; numbers with more digits than a decimal holds are refused,
//! not rounded.
#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        reason = "a test that cannot unwrap has failed, which is what it should do"
    )
)]

mod error;
mod indicator;
mod io;
mod ledger;
mod map;
mod period;
mod table;
mod text;
mod value;

pub mod cookbook;

pub use chrono::NaiveDate;
pub use rust_decimal::Decimal;

pub use error::{Error, ErrorKind, Location, Result};
pub use indicator::average::{average_growth, cagr, doubling_rate, multiple};
pub use indicator::catalog::{Catalog, Indicator, IndicatorKind};
pub use indicator::contribution::{
    Contribution, approximate_contributions, contributions, contributions_from_increments,
};
pub use indicator::growth::{Growth, GrowthFormat, growth, percentage_points};
pub use indicator::ratio::{per_capita, per_household, per_unit, yield_per_mu};
pub use indicator::schedule::{ScheduleGap, schedule_gap};
pub use indicator::share::{Adjusted, Structure, share, structure};
pub use indicator::target::{completion, excess_over_target, reduction_completion};
pub use io::options::{CsvOptions, WriteOptions};
pub use ledger::Ledger;
pub use ledger::changes::{Changes, StatusChange};
pub use ledger::counts::Counts;
pub use ledger::deadline::Deadline;
pub use ledger::problem::{Problem, ProblemStatus};
pub use ledger::rate::TaskRate;
pub use ledger::rectification::{Rectification, RectificationCounts};
pub use ledger::summary::Summary;
pub use ledger::task::{Task, TaskStatus};
pub use period::{Period, elapsed_by_days};
pub use table::Table;
pub use table::aggregate::RollUp;
pub use table::observation::{Observation, Status};
pub use table::report::{Report, ReportLine};
pub use table::row::ObservationRef;
pub use table::yoy::Yoy;
pub use value::magnitude::Magnitude;
pub use value::multiple::Multiple;
pub use value::points::{PercentPoints, rate_change_wording};
pub use value::quantity::{Precision, Qualifier, Quantity};
pub use value::rate::Rate;
pub use value::rounding::{Rounding, RoundingMode};
pub use value::unit::{Dimension, Factor, Unit};

/// The README's quick start, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

//! tongji's exact indicators inside DataFusion: 同比增长, 完成率, 占比, 个百分点 and 四舍五入 as
//! SQL functions over `DECIMAL` columns, period-aware 同比 and 累计 → 当月 as window functions,
//! and a [`tongji::Table`] as Arrow record batches and back.
//!
//! Every figure is made by [`tongji::kernel`], so the engine's own decimal rules never touch it:
//! DataFusion's decimal division truncates the quotient at its result scale (`(cur / prev - 1) *
//! 100` at scale 0 is wrong whenever the quotient's next digit matters), polars rounds half to
//! even and DuckDB turns decimal division into DOUBLE. The functions round once, half away from
//! zero (四舍五入) unless asked for half-even; a base that is zero or negative gives NULL (the
//! growth is then a state — 新增, 扭亏为盈 — not a rate); a value beyond tongji's 28 digits is an
//! error, never a rounded figure.
//!
//! # Example
//!
//! ```
//! use datafusion::prelude::*;
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> datafusion::common::Result<()> {
//! let ctx = SessionContext::new();
//! tongji_datafusion::register(&ctx);
//! let df = ctx
//!     .sql("SELECT tongji_growth(CAST(238429.89 AS DECIMAL(10, 2)), CAST(220000.00 AS DECIMAL(10, 2))) AS g,
//!                  tongji_percent(CAST(46596 AS DECIMAL(10, 0)), CAST(44000 AS DECIMAL(10, 0)), 2) AS done,
//!                  tongji_growth(CAST(9.95 AS DECIMAL(4, 2)), CAST(10 AS DECIMAL(4, 0))) AS tie")
//!     .await?;
//! let batches = df.collect().await?;
//! let text = datafusion::arrow::util::pretty::pretty_format_batches(&batches)?.to_string();
//! assert!(text.contains("| 8.4 | 105.90 | -0.5 |"), "{text}");
//! # Ok(())
//! # }
//! ```
//!
//! The window functions match rows by period within a series. Compute on `base`, the figure in
//! its unit's base ([`to_record_batch`]), when a series may mix magnitudes (1.2亿元 one year,
//! 12500万元 the next):
//!
//! ```sql
//! SELECT region, indicator, period, value,
//!        tongji_yoy(period, base) OVER s AS 同比增长,
//!        tongji_monthly(period, value) OVER s AS 当月
//! FROM observations
//! WINDOW s AS (PARTITION BY region, indicator)
//! ```
//!
//! # On a cluster
//!
//! A distributed runner registers functions by name on each executor: give its session state
//! [`scalar_functions`] and [`window_functions`] (see the README's Ballista section), and the
//! same SQL runs there.

#![deny(clippy::unwrap_used, clippy::expect_used)]

mod batch;
mod decimal;
mod scalar;
mod window;

pub use batch::{from_record_batches, schema, to_record_batch};
pub use scalar::scalar_functions;
pub use window::window_functions;

use datafusion::execution::FunctionRegistry;
use datafusion::prelude::SessionContext;

/// Adds tongji's functions ([`scalar_functions`], [`window_functions`]) to `ctx`.
///
/// # Examples
///
/// ```
/// use datafusion::execution::FunctionRegistry;
/// let ctx = datafusion::prelude::SessionContext::new();
/// tongji_datafusion::register(&ctx);
/// assert!(ctx.udf("tongji_growth").is_ok());
/// assert!(ctx.udwf("tongji_yoy").is_ok());
/// ```
pub fn register(ctx: &SessionContext) {
    for f in scalar_functions() {
        ctx.register_udf((*f).clone());
    }
    for f in window_functions() {
        ctx.register_udwf((*f).clone());
    }
}

/// Adds tongji's functions to any function registry — a `SessionState` being built for a
/// distributed executor, say.
///
/// # Errors
///
/// The registry's own error when it refuses a function.
///
/// # Examples
///
/// ```
/// use datafusion::execution::FunctionRegistry;
/// let mut state = datafusion::execution::SessionStateBuilder::new().build();
/// tongji_datafusion::register_with(&mut state)?;
/// assert!(state.udf("tongji_percent").is_ok());
/// # Ok::<(), datafusion::common::DataFusionError>(())
/// ```
pub fn register_with(registry: &mut dyn FunctionRegistry) -> datafusion::common::Result<()> {
    for f in scalar_functions() {
        registry.register_udf(f)?;
    }
    for f in window_functions() {
        registry.register_udwf(f)?;
    }
    Ok(())
}

//! The window functions: rows matched by period, not by position. `lag(value, 12)` takes the
//! twelfth row back, which is last year's month only when no month is missing and every row is a
//! month; 1—2月 is often published combined, so a year's 累计 has eleven rows, not twelve.

use std::collections::HashMap;
use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, AsArray};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::{DataType, Field, FieldRef};
use datafusion::common::{Result, exec_err, plan_err};
use datafusion::logical_expr::function::{PartitionEvaluatorArgs, WindowUDFFieldArgs};
use datafusion::logical_expr::{
    PartitionEvaluator, Signature, Volatility, WindowUDF, WindowUDFImpl,
};
use tongji::{Period, Rounding};

use crate::decimal::{self, PRECISION};

/// What a window function gives for each row of its partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Op {
    /// The value of the same period last year (上年同期), or NULL.
    LastYear,
    /// 同比增长 over the same period last year, at one place.
    Yoy,
    /// 当月 = 累计 − 上月累计, for a year-to-date row 1—m月 (m ≥ 2) whose 1—(m−1)月 row is there.
    Monthly,
}

#[derive(Debug, PartialEq, Eq, Hash)]
struct ByPeriod {
    name: &'static str,
    op: Op,
    signature: Signature,
}

impl WindowUDFImpl for ByPeriod {
    fn name(&self) -> &str {
        self.name
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        let [period, value] = arg_types else {
            return plan_err!(
                "{}: {} arguments, expected (period, value)",
                self.name,
                arg_types.len()
            );
        };
        let period = match period {
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => period.clone(),
            DataType::Dictionary(_, v)
                if matches!(
                    **v,
                    DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View
                ) =>
            {
                DataType::Utf8
            }
            t => {
                return plan_err!(
                    "{}: the period is {t}, expected text such as 2023年1—10月",
                    self.name
                );
            }
        };
        Ok(vec![period, decimal::decimal_type(self.name, 2, value)?])
    }

    fn partition_evaluator(
        &self,
        _args: PartitionEvaluatorArgs,
    ) -> Result<Box<dyn PartitionEvaluator>> {
        Ok(Box::new(Evaluator {
            name: self.name,
            op: self.op,
        }))
    }

    fn field(&self, field_args: WindowUDFFieldArgs) -> Result<FieldRef> {
        let value = field_args.get_input_field(1);
        let t = match (self.op, value.as_ref().map(|f| f.data_type())) {
            (Op::Yoy, _) => DataType::Decimal128(PRECISION, 1),
            (_, Some(DataType::Decimal128(_, s))) => DataType::Decimal128(PRECISION, *s),
            (_, _) => DataType::Decimal128(PRECISION, 0),
        };
        Ok(Arc::new(Field::new(field_args.name(), t, true)))
    }
}

#[derive(Debug)]
struct Evaluator {
    name: &'static str,
    op: Op,
}

impl PartitionEvaluator for Evaluator {
    fn evaluate_all(&mut self, values: &[ArrayRef], num_rows: usize) -> Result<ArrayRef> {
        let name = self.name;
        let [periods, figures] = values else {
            return exec_err!("{name}: expected (period, value)");
        };
        let periods = cast(periods, &DataType::Utf8)?;
        let periods = periods.as_string::<i32>();
        let figures = decimal::decimals(figures)?;
        let scale = decimal::scale_of(&figures, name)?;
        // Each text parsed once; each period's row, one a period.
        let mut parsed: HashMap<&str, Period> = HashMap::new();
        let mut at: Vec<Option<Period>> = Vec::with_capacity(num_rows);
        let mut rows: HashMap<Period, usize> = HashMap::with_capacity(num_rows);
        for i in 0..num_rows {
            if periods.is_null(i) {
                at.push(None);
                continue;
            }
            let text = periods.value(i);
            let period = match parsed.get(text) {
                Some(p) => *p,
                None => {
                    let p = text.parse::<Period>().map_err(|e| {
                        datafusion::common::DataFusionError::Execution(format!("{name}: {e}"))
                    })?;
                    parsed.insert(text, p);
                    p
                }
            };
            if let Some(&first) = rows.get(&period) {
                return exec_err!(
                    "{name}: two rows of {period} in one partition (rows {first} and {i}): \
                     partition by region and indicator, and keep one row a period"
                );
            }
            rows.insert(period, i);
            at.push(Some(period));
        }
        let figure = |j: usize| (!figures.is_null(j)).then(|| figures.value(j));
        let mut out = Vec::with_capacity(num_rows);
        for (i, period) in at.iter().enumerate() {
            let before = period.and_then(|p| match self.op {
                Op::LastYear | Op::Yoy => p.same_period_last_year().ok(),
                Op::Monthly => {
                    let (first, last) = p.months();
                    (p.is_cumulative() && first == 1 && (2..=12).contains(&last))
                        .then(|| Period::year_to_month(p.calendar_year(), last - 1).ok())
                        .flatten()
                }
            });
            let j = before.and_then(|b| rows.get(&b).copied());
            let value = match (figure(i), j.and_then(figure)) {
                (Some(now), Some(then)) => match self.op {
                    Op::LastYear => Some(decimal::within(name, then, scale)?),
                    Op::Yoy => {
                        decimal::growth(name, (now, scale), (then, scale), Rounding::new(1))?
                    }
                    Op::Monthly => {
                        decimal::within(name, now, scale)?;
                        decimal::within(name, then, scale)?;
                        let d = now.checked_sub(then).unwrap_or(i128::MAX);
                        Some(decimal::within(name, d, scale)?)
                    }
                },
                (None, Some(then)) if self.op == Op::LastYear => {
                    Some(decimal::within(name, then, scale)?)
                }
                _ => None,
            };
            out.push(value);
        }
        let scale = if self.op == Op::Yoy { 1 } else { scale };
        decimal::column(out, scale)
    }
}

/// tongji's window functions, each over `(period, value)` in a partition of one series
/// (`PARTITION BY region, indicator`); the period is text as reports write it (2023年1—10月,
/// 2023年前三季度), the value a DECIMAL:
///
/// | function | gives |
/// |---|---|
/// | `tongji_last_year(period, value)` | the value of the same period last year (上年同期), found by period, NULL when it is not there |
/// | `tongji_yoy(period, value)` | 同比增长 over that row, at one place, half away from zero (other places: `tongji_growth(value, tongji_last_year(period, value) OVER w, places)`) |
/// | `tongji_monthly(period, value)` | 当月 = 累计 − 上月累计 for a row 1—m月 (m ≥ 2) whose 1—(m−1)月 row is there; NULL otherwise (when only 1—2月 is published, February stays with January) |
///
/// Two rows of one period in a partition are an error; so is a value beyond 28 digits.
#[must_use]
pub fn window_functions() -> Vec<Arc<WindowUDF>> {
    [
        ("tongji_last_year", Op::LastYear),
        ("tongji_yoy", Op::Yoy),
        ("tongji_monthly", Op::Monthly),
    ]
    .into_iter()
    .map(|(name, op)| {
        Arc::new(WindowUDF::from(ByPeriod {
            name,
            op,
            signature: Signature::user_defined(Volatility::Immutable),
        }))
    })
    .collect()
}

//! The scalar functions: 同比增长, 完成率/占比, 个百分点 and rounding over DECIMAL columns.

use std::sync::Arc;

use datafusion::arrow::array::{Array, AsArray, BooleanArray};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::{DataType, Field, FieldRef};
use datafusion::common::{Result, plan_err};
use datafusion::logical_expr::{
    ColumnarValue, ReturnFieldArgs, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature,
    Volatility,
};
use tongji::{Catalog, Rounding};

use crate::decimal::{self, PRECISION};

/// What a scalar function computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Op {
    /// `tongji_growth(current, previous [, places [, mode]])`: 同比增长 in percent.
    Growth,
    /// `tongji_percent(numerator, denominator [, places [, mode]])`: 完成率, 占比.
    Percent,
    /// `tongji_points(current, previous [, places [, mode]])`: 个百分点.
    Points,
    /// `tongji_round(value, places [, mode])`.
    Round,
}

/// One of tongji's scalar functions, as DataFusion calls it.
#[derive(Debug, PartialEq, Eq, Hash)]
struct Kernel {
    name: &'static str,
    op: Op,
    signature: Signature,
}

impl Kernel {
    fn new(name: &'static str, op: Op) -> Kernel {
        Kernel {
            name,
            op,
            signature: Signature::user_defined(Volatility::Immutable),
        }
    }

    /// How many operands come before `places`.
    fn operands(&self) -> usize {
        match self.op {
            Op::Round => 1,
            _ => 2,
        }
    }

    /// The places a result has when none are asked: 1 for rates (统计公报 print 同比增长 and
    /// 完成率 at one place).
    fn default_places(&self) -> Option<u32> {
        match self.op {
            Op::Round => None,
            _ => Some(1),
        }
    }
}

impl ScalarUDFImpl for Kernel {
    fn name(&self) -> &str {
        self.name
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        let n = self.operands();
        let least = if self.default_places().is_some() {
            n
        } else {
            n + 1
        };
        if arg_types.len() < least || arg_types.len() > n + 2 {
            return plan_err!(
                "{}: {} arguments, expected {least} to {}",
                self.name,
                arg_types.len(),
                n + 2
            );
        }
        arg_types
            .iter()
            .enumerate()
            .map(|(i, t)| match i {
                i if i < n => decimal::decimal_type(self.name, i + 1, t),
                i if i == n => match t {
                    t if t.is_integer() => Ok(DataType::Int64),
                    t => plan_err!("{}: places is {t}, expected an integer", self.name),
                },
                _ => match t {
                    DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => Ok(t.clone()),
                    t => plan_err!("{}: the rounding mode is {t}, expected text", self.name),
                },
            })
            .collect()
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        // The scale is the places argument's: see return_field_from_args.
        Ok(DataType::Decimal128(PRECISION, 1))
    }

    fn return_field_from_args(&self, args: ReturnFieldArgs<'_>) -> Result<FieldRef> {
        let n = self.operands();
        let places = decimal::places_argument(
            self.name,
            args.scalar_arguments.get(n).copied(),
            self.default_places().unwrap_or(0),
        )?;
        let scale = i8::try_from(places).unwrap_or(0);
        Ok(Arc::new(Field::new(
            self.name,
            DataType::Decimal128(PRECISION, scale),
            true,
        )))
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let name = self.name;
        let n = self.operands();
        let DataType::Decimal128(_, scale) = args.return_field.data_type() else {
            return plan_err!("{name}: the result is not a DECIMAL");
        };
        let places = u32::try_from(*scale).unwrap_or(0);
        let mode = match args.args.get(n + 1) {
            Some(ColumnarValue::Scalar(s)) => decimal::mode_argument(name, Some(Some(s)))?,
            Some(ColumnarValue::Array(_)) => decimal::mode_argument(name, Some(None))?,
            None => decimal::mode_argument(name, None)?,
        };
        let rounding = Rounding::new(places).with_mode(mode);
        let Some(operands) = args.args.get(..n) else {
            return plan_err!(
                "{name}: {} arguments, expected at least {n}",
                args.args.len()
            );
        };
        let arrays = ColumnarValue::values_to_arrays(operands)?;
        let operands = arrays
            .iter()
            .map(decimal::decimals)
            .collect::<Result<Vec<_>>>()?;
        let scales = operands
            .iter()
            .map(|a| decimal::scale_of(a, name))
            .collect::<Result<Vec<_>>>()?;
        let rows = args.number_rows;
        let mut out = Vec::with_capacity(rows);
        for i in 0..rows {
            let cell = |k: usize| {
                let a = &operands[k];
                (!a.is_null(i)).then(|| (a.value(i), scales[k]))
            };
            let value = match self.op {
                Op::Round => match cell(0) {
                    Some(v) => Some(decimal::round(name, v, rounding)?),
                    None => None,
                },
                op => match (cell(0), cell(1)) {
                    (Some(a), Some(b)) => match op {
                        Op::Growth => decimal::growth(name, a, b, rounding)?,
                        Op::Percent => decimal::percent(name, a, b, rounding)?,
                        _ => Some(decimal::points(name, a, b, rounding)?),
                    },
                    _ => None,
                },
            };
            out.push(value);
        }
        Ok(ColumnarValue::Array(decimal::column(out, places)?))
    }
}

/// `tongji_growth_from_levels(indicator)`: whether the built-in catalog lets the indicator's
/// growth be recomputed from its levels. 地区生产总值, 规上工业增加值 and 固定资产投资 are not:
/// their growth is published at comparable prices or coverage, and the main crate refuses to
/// recompute it (`NotRecomputable`). NULL for an indicator the catalog does not know.
#[derive(Debug, PartialEq, Eq, Hash)]
struct FromLevels {
    signature: Signature,
}

impl ScalarUDFImpl for FromLevels {
    fn name(&self) -> &str {
        "tongji_growth_from_levels"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        match arg_types {
            [_] => Ok(vec![DataType::Utf8]),
            _ => plan_err!("tongji_growth_from_levels: expected one argument, the indicator"),
        }
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::Boolean)
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let arrays = ColumnarValue::values_to_arrays(&args.args)?;
        let Some(names) = arrays.first() else {
            return plan_err!("tongji_growth_from_levels: expected the indicator");
        };
        let names = cast(names, &DataType::Utf8)?;
        let names = names.as_string::<i32>();
        let catalog = Catalog::builtin();
        let out: BooleanArray = (0..names.len())
            .map(|i| {
                if names.is_null(i) {
                    return None;
                }
                catalog
                    .get(names.value(i))
                    .map(|ind| ind.growth_from_levels())
            })
            .collect();
        Ok(ColumnarValue::Array(Arc::new(out)))
    }
}

/// tongji's scalar functions:
///
/// | function | computes |
/// |---|---|
/// | `tongji_growth(current, previous [, places [, mode]])` | 同比增长 `(current − previous) / previous × 100`; NULL for a base ≤ 0 or a negative current value (新增, 扭亏为盈, 由盈转亏 are not rates) |
/// | `tongji_percent(numerator, denominator [, places [, mode]])` | 完成率, 占比: `numerator / denominator × 100`; NULL for a zero denominator |
/// | `tongji_points(current, previous [, places [, mode]])` | 个百分点: the difference of two rates |
/// | `tongji_round(value, places [, mode])` | 四舍五入 (or half-even) to `places` |
/// | `tongji_growth_from_levels(indicator)` | whether the built-in catalog lets the growth be recomputed from levels (false for 地区生产总值, 规上工业增加值, 固定资产投资: published at comparable prices or coverage) |
///
/// Rates come at one place unless `places` (a literal, 0–10) says otherwise; `mode` is
/// `'half_up'` (half away from zero, the default) or `'half_even'`. Arguments are DECIMAL (or
/// integers); a value beyond 28 digits is an error.
#[must_use]
pub fn scalar_functions() -> Vec<Arc<ScalarUDF>> {
    [
        ("tongji_growth", Op::Growth),
        ("tongji_percent", Op::Percent),
        ("tongji_points", Op::Points),
        ("tongji_round", Op::Round),
    ]
    .into_iter()
    .map(|(name, op)| Arc::new(ScalarUDF::from(Kernel::new(name, op))))
    .chain(std::iter::once(Arc::new(ScalarUDF::from(FromLevels {
        signature: Signature::user_defined(Volatility::Immutable),
    }))))
    .collect()
}

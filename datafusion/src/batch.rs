//! A [`Table`] as an Arrow record batch and back: regions, indicators, periods and units as
//! dictionary columns, figures as `Decimal128` mantissas with the places they were written at,
//! so that no figure passes through text.

use std::sync::Arc;

use datafusion::arrow::array::{
    Array, ArrayRef, AsArray, Decimal128Array, DictionaryArray, StringArray, UInt8Array,
    UInt64Array,
};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::{
    DataType, Decimal128Type, Field, Int32Type, Schema, SchemaRef, UInt8Type,
};
use datafusion::arrow::record_batch::RecordBatch;
use datafusion::common::{DataFusionError, Result};
use tongji::{Decimal, Observation, Quantity, Rate, Status, Table, UnitSpec};

use crate::decimal::PRECISION;

/// The most digits a Decimal128 holds.
const MOST_DIGITS: u32 = 38;

fn dictionary() -> DataType {
    DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
}

/// The columns [`to_record_batch`] writes, the value's at `scale` and the base value's at
/// `base_scale`:
///
/// | column | type | holds |
/// |---|---|---|
/// | `region` | dictionary of text | 地区 |
/// | `indicator` | dictionary of text | the indicator's code (an ad-hoc one's name) |
/// | `period` | dictionary of text | 时期 as written (2023年1—10月, 2023年前三季度) |
/// | `value` | `Decimal128(38, scale)` | the figure in its own unit, every digit |
/// | `places` | `UInt8` | the places it was written at (238429.90 has 2) |
/// | `unit` | dictionary of text | magnitude and unit (万元) |
/// | `base` | `Decimal128(38, base_scale)` | the figure in its unit's base (元, 人, 亩): the column to compute on when a series mixes magnitudes (1.2亿元, 12500万元) |
/// | `status` | dictionary of text | 实际, 预计, 初步, 核实 |
/// | `yoy` | text, nullable | the published growth as written |
/// | `target` | text, nullable | the target as written |
/// | `line` | `UInt64`, nullable | the line of the file the row was read from |
#[must_use]
pub fn schema(scale: i8, base_scale: i8) -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("region", dictionary(), false),
        Field::new("indicator", dictionary(), false),
        Field::new("period", dictionary(), false),
        Field::new("value", DataType::Decimal128(PRECISION, scale), false),
        Field::new("places", DataType::UInt8, false),
        Field::new("unit", dictionary(), false),
        Field::new("base", DataType::Decimal128(PRECISION, base_scale), false),
        Field::new("status", dictionary(), false),
        Field::new("yoy", DataType::Utf8, true),
        Field::new("target", DataType::Utf8, true),
        Field::new("line", DataType::UInt64, true),
    ]))
}

fn error(message: String) -> DataFusionError {
    DataFusionError::Execution(message)
}

/// `table` as one record batch in the table's order (by region, indicator and period).
///
/// The values share one `Decimal128` scale, the most places any has; each row's own places are in
/// `places`, so that 238429.90 comes back with its zero.
///
/// # Errors
///
/// A figure that is not plain — qualified (约3亿元, 44余项) or computed — is an error naming it: a
/// number column cannot hold its qualifier or interval. So is a value that needs more than 38
/// digits at the shared scale.
///
/// # Examples
///
/// ```
/// use tongji::Table;
/// let csv = "地区,指标,时期,数值,同比增长\n示例县,retail,2023年1—10月,238429.90万元,8.4\n";
/// let (t, _) = Table::read_csv(csv.as_bytes())?;
/// let batch = tongji_datafusion::to_record_batch(&t)?;
/// assert_eq!(batch.num_rows(), 1);
/// let back = tongji_datafusion::from_record_batches(&[batch])?;
/// let o = back.iter().next().unwrap();
/// assert_eq!(o.value().to_string(), "238429.90万元");
/// assert_eq!(o.yoy().map(|r| r.to_string()).as_deref(), Some("8.4%"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_record_batch(table: &Table) -> Result<RecordBatch> {
    let n = table.len();
    let mut regions = Vec::with_capacity(n);
    let mut indicators = Vec::with_capacity(n);
    let mut periods = Vec::with_capacity(n);
    let mut mantissas = Vec::with_capacity(n);
    let mut bases = Vec::with_capacity(n);
    let mut places = Vec::with_capacity(n);
    let mut units = Vec::with_capacity(n);
    let mut statuses = Vec::with_capacity(n);
    let mut yoys = Vec::with_capacity(n);
    let mut targets = Vec::with_capacity(n);
    let mut lines = Vec::with_capacity(n);
    for o in table.iter() {
        let q = o.value();
        let plain = Quantity::from_written(q.value(), q.magnitude(), q.unit())
            .is_ok_and(|w| w.precision() == q.precision() && w.to_string() == q.to_string());
        if q.qualifier().is_some() || !plain {
            return Err(error(format!(
                "{} {} {}: {q} is not a plain figure (qualified or computed); a Decimal128 \
                 column holds a number as written only",
                o.region(),
                o.indicator().name(),
                o.period()
            )));
        }
        let v = q.value();
        regions.push(o.region());
        indicators.push(o.indicator().code());
        periods.push(o.period().to_string());
        mantissas.push(v.mantissa());
        let b = q.base_value();
        bases.push((b.mantissa(), u8::try_from(b.scale()).unwrap_or(u8::MAX)));
        places.push(u8::try_from(v.scale()).unwrap_or(u8::MAX));
        units.push(UnitSpec::new(q.magnitude(), q.unit()).to_string());
        statuses.push(o.status().as_str());
        yoys.push(o.yoy().map(|r| r.to_string()));
        targets.push(o.target().map(|t| t.to_string()));
        lines.push(o.line());
    }
    let values = shared_scale(mantissas.iter().copied().zip(places.iter().copied()))?;
    let bases = shared_scale(bases.into_iter())?;
    let columns: Vec<ArrayRef> = vec![
        Arc::new(regions.into_iter().collect::<DictionaryArray<Int32Type>>()),
        Arc::new(
            indicators
                .into_iter()
                .collect::<DictionaryArray<Int32Type>>(),
        ),
        Arc::new(
            periods
                .iter()
                .map(String::as_str)
                .collect::<DictionaryArray<Int32Type>>(),
        ),
        Arc::new(Decimal128Array::from(values.0).with_precision_and_scale(PRECISION, values.1)?),
        Arc::new(UInt8Array::from(places)),
        Arc::new(
            units
                .iter()
                .map(String::as_str)
                .collect::<DictionaryArray<Int32Type>>(),
        ),
        Arc::new(Decimal128Array::from(bases.0).with_precision_and_scale(PRECISION, bases.1)?),
        Arc::new(statuses.into_iter().collect::<DictionaryArray<Int32Type>>()),
        Arc::new(StringArray::from(yoys)),
        Arc::new(StringArray::from(targets)),
        Arc::new(UInt64Array::from(lines)),
    ];
    Ok(RecordBatch::try_new(schema(values.1, bases.1), columns)?)
}

/// Mantissas at their scales, all at the most scale any has: exact, or an error when one needs
/// more than 38 digits there.
fn shared_scale(figures: impl Iterator<Item = (i128, u8)> + Clone) -> Result<(Vec<i128>, i8)> {
    let scale = figures.clone().map(|(_, s)| s).max().unwrap_or(0);
    let limit = 10i128.pow(MOST_DIGITS);
    let values = figures
        .map(|(m, s)| {
            10i128
                .checked_pow(u32::from(scale - s))
                .and_then(|f| m.checked_mul(f))
                .filter(|w| w.unsigned_abs() < limit.unsigned_abs())
                .ok_or_else(|| {
                    error(format!(
                        "{}: more than 38 digits at {scale} places",
                        Decimal::from_i128_with_scale(m, u32::from(s))
                    ))
                })
        })
        .collect::<Result<Vec<i128>>>()?;
    Ok((values, i8::try_from(scale).unwrap_or(i8::MAX)))
}

/// A column of `batch` by name as text, or `None` when the batch has none.
fn text_column(batch: &RecordBatch, name: &str) -> Result<Option<StringArray>> {
    match batch.column_by_name(name) {
        Some(c) => Ok(Some(cast(c, &DataType::Utf8)?.as_string::<i32>().clone())),
        None => Ok(None),
    }
}

fn required(batch: &RecordBatch, name: &str) -> Result<StringArray> {
    text_column(batch, name)?.ok_or_else(|| error(format!("no column {name:?} in the batch")))
}

/// The rows of `batches` as a table: the columns [`schema`] names, `region`, `indicator`,
/// `period`, `value` and `unit` required, the others optional (`places` defaults to the value
/// column's scale, `status` to 实际). Lines are not kept: a table built from rows has none.
///
/// # Errors
///
/// A missing or null required cell, a period, unit, status, growth or target that does not parse,
/// a value with more places than its column holds, or two rows of one region, indicator and
/// period: each an error naming the row.
///
/// # Examples
///
/// See [`to_record_batch`].
pub fn from_record_batches(batches: &[RecordBatch]) -> Result<Table> {
    let mut observations = Vec::new();
    for batch in batches {
        let regions = required(batch, "region")?;
        let indicators = required(batch, "indicator")?;
        let periods = required(batch, "period")?;
        let units = required(batch, "unit")?;
        let statuses = text_column(batch, "status")?;
        let yoys = text_column(batch, "yoy")?;
        let targets = text_column(batch, "target")?;
        let values = batch
            .column_by_name("value")
            .ok_or_else(|| error("no column \"value\" in the batch".into()))?;
        let values = match values.data_type() {
            DataType::Decimal128(..) => values.as_primitive::<Decimal128Type>().clone(),
            t => {
                return Err(error(format!(
                    "column \"value\" is {t}, expected Decimal128"
                )));
            }
        };
        let scale = u8::try_from(values.scale())
            .map_err(|_| error(format!("column \"value\" has scale {}", values.scale())))?;
        let places = match batch.column_by_name("places") {
            Some(p) => Some(
                cast(p, &DataType::UInt8)?
                    .as_primitive::<UInt8Type>()
                    .clone(),
            ),
            None => None,
        };
        for i in 0..batch.num_rows() {
            let cell = |a: &StringArray, name: &str| -> Result<String> {
                if a.is_null(i) {
                    return Err(error(format!("row {i}: {name} is null")));
                }
                Ok(a.value(i).to_string())
            };
            let optional = |a: &Option<StringArray>| -> Option<String> {
                a.as_ref()
                    .filter(|a| !a.is_null(i))
                    .map(|a| a.value(i).to_string())
            };
            let at = |e: &dyn std::fmt::Display| error(format!("row {i}: {e}"));
            let period = cell(&periods, "period")?;
            let period: tongji::Period = period.parse().map_err(|e| at(&e))?;
            let unit: UnitSpec = cell(&units, "unit")?.parse().map_err(|e| at(&e))?;
            if values.is_null(i) {
                return Err(at(&"value is null"));
            }
            let p = places
                .as_ref()
                .filter(|p| !p.is_null(i))
                .map_or(scale, |p| p.value(i));
            if p > scale {
                return Err(at(&format!("{p} places, but the value column has {scale}")));
            }
            let m = values.value(i);
            let factor = 10i128.pow(u32::from(scale - p));
            if m % factor != 0 {
                return Err(at(&format!(
                    "{} has digits beyond its {p} places",
                    crate::decimal::display(m, u32::from(scale))
                )));
            }
            let value =
                Decimal::try_from_i128_with_scale(m / factor, u32::from(p)).map_err(|e| at(&e))?;
            let value =
                Quantity::from_written(value, unit.magnitude(), unit.unit()).map_err(|e| at(&e))?;
            let mut o = Observation::new(
                &cell(&regions, "region")?,
                &cell(&indicators, "indicator")?,
                period,
                value,
            );
            if let Some(s) = optional(&statuses) {
                o = o.with_status(s.parse::<Status>().map_err(|e| at(&e))?);
            }
            if let Some(y) = optional(&yoys) {
                o = o.with_yoy(y.parse::<Rate>().map_err(|e| at(&e))?);
            }
            if let Some(t) = optional(&targets) {
                o = o.with_target(t.parse::<Quantity>().map_err(|e| at(&e))?);
            }
            observations.push(o);
        }
    }
    Table::from_observations(observations).map_err(|e| error(e.to_string()))
}

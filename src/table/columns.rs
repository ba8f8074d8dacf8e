//! A table's observations stored as columns: one vector a field, no `String` and no `Quantity`
//! per row.
//!
//! Region and indicator are ids, the period an integer that orders as periods do (its label in
//! the flags), a figure its value and base-unit mantissas with their scales, its unit and
//! magnitude as one id and its precision as another (a written figure's precision depends only on
//! those). A figure that does not fit this form — a qualifier (余, 约), a computed one, more than
//! 18 digits — is kept whole in a side vector and the row holds its index; so is such a rate. A
//! row is rebuilt as a [`Row`] when it is read: 46 bytes a row instead of a `Row`'s 168.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::row::Row;
use crate::value::precision::Precision;
use crate::{Magnitude, Period, Quantity, Rate, Status, Unit};

/// The key a row sorts by: region id, indicator id, packed period.
pub(super) type Packed = (u32, u32, u32);

/// The unit id that marks a figure kept whole: its value column holds the index.
const ODD_FIGURE: u32 = (1 << 11) - 1;
/// The most precision ids.
const PRECISIONS: u32 = (1 << 11) - 1;
/// `yoy_scale` of a row without a published growth.
const NO_YOY: u8 = u8::MAX;
/// `yoy_scale` of a rate kept whole: the yoy column holds the index.
const ODD_YOY: u8 = u8::MAX - 1;

/// The columns, in the order their rows were pushed (sorted by [`Columns::sort`]).
#[derive(Debug, Clone, Default)]
pub(super) struct Columns {
    region: Vec<u32>,
    indicator: Vec<u32>,
    period: Vec<u32>,
    value: Vec<i64>,
    base: Vec<i64>,
    /// value scale (5 bits) | base scale (5 bits) | unit id (11 bits) | precision id (11 bits).
    meta: Vec<u32>,
    yoy: Vec<i32>,
    yoy_scale: Vec<u8>,
    target: Vec<u32>,
    line: Vec<u32>,
    /// status (2 bits) | partial (1 bit) | period label (3 bits).
    flags: Vec<u8>,
    units: Vec<(Magnitude, Unit)>,
    unit_ids: HashMap<(Magnitude, Unit), u32>,
    precisions: Vec<Precision>,
    precision_ids: HashMap<Precision, u32>,
    odd_figures: Vec<Quantity>,
    odd_rates: Vec<Rate>,
}

fn status_bits(status: Status) -> u8 {
    match status {
        Status::Estimated => 1,
        Status::Preliminary => 2,
        Status::Verified => 3,
        _ => 0,
    }
}

fn status_of(bits: u8) -> Status {
    match bits & 3 {
        1 => Status::Estimated,
        2 => Status::Preliminary,
        3 => Status::Verified,
        _ => Status::Actual,
    }
}

/// A decimal from a mantissa and a scale that came from a `Decimal` (so at most 28).
fn decimal(mantissa: i64, scale: u32) -> Decimal {
    Decimal::try_new(mantissa, scale).unwrap_or_default()
}

impl Columns {
    pub(super) fn len(&self) -> usize {
        self.region.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.region.is_empty()
    }

    pub(super) fn reserve(&mut self, rows: usize) {
        self.region.reserve(rows);
        self.indicator.reserve(rows);
        self.period.reserve(rows);
        self.value.reserve(rows);
        self.base.reserve(rows);
        self.meta.reserve(rows);
        self.yoy.reserve(rows);
        self.yoy_scale.reserve(rows);
        self.target.reserve(rows);
        self.line.reserve(rows);
        self.flags.reserve(rows);
    }

    pub(super) fn shrink_to_fit(&mut self) {
        if self.region.capacity() > self.len() + self.len() / 4 {
            self.region.shrink_to_fit();
            self.indicator.shrink_to_fit();
            self.period.shrink_to_fit();
            self.value.shrink_to_fit();
            self.base.shrink_to_fit();
            self.meta.shrink_to_fit();
            self.yoy.shrink_to_fit();
            self.yoy_scale.shrink_to_fit();
            self.target.shrink_to_fit();
            self.line.shrink_to_fit();
            self.flags.shrink_to_fit();
        }
    }

    fn unit_id(&mut self, unit: (Magnitude, Unit)) -> Option<u32> {
        if let Some(&id) = self.unit_ids.get(&unit) {
            return Some(id);
        }
        let id = u32::try_from(self.units.len())
            .ok()
            .filter(|&id| id < ODD_FIGURE)?;
        self.units.push(unit);
        self.unit_ids.insert(unit, id);
        Some(id)
    }

    fn precision_id(&mut self, precision: Precision) -> Option<u32> {
        if let Some(&id) = self.precision_ids.get(&precision) {
            return Some(id);
        }
        let id = u32::try_from(self.precisions.len())
            .ok()
            .filter(|&id| id < PRECISIONS)?;
        self.precisions.push(precision);
        self.precision_ids.insert(precision, id);
        Some(id)
    }

    /// The value, base and meta columns' entries for a figure, in compact form when it has one.
    fn compact_figure(&mut self, q: &Quantity) -> Option<(i64, i64, u32)> {
        let (value, base, precision, magnitude, unit) = q.plain_parts()?;
        let v = i64::try_from(value.mantissa()).ok()?;
        let b = i64::try_from(base.mantissa()).ok()?;
        let u = self.unit_id((magnitude, unit))?;
        let p = self.precision_id(precision)?;
        Some((
            v,
            b,
            value.scale() | (base.scale() << 5) | (u << 10) | (p << 21),
        ))
    }

    /// Appends a row.
    pub(super) fn push(&mut self, row: &Row) {
        let (value, base, meta) = self.compact_figure(&row.value).unwrap_or_else(|| {
            let index = i64::try_from(self.odd_figures.len()).unwrap_or(i64::MAX);
            self.odd_figures.push(row.value);
            (index, 0, ODD_FIGURE << 10)
        });
        let (yoy, yoy_scale) = match row.yoy {
            None => (0, NO_YOY),
            Some(rate) => match rate
                .as_written_percent()
                .and_then(|p| Some((i32::try_from(p.mantissa()).ok()?, p.scale())))
            {
                Some((m, s)) => (m, s as u8),
                None => {
                    let index = i32::try_from(self.odd_rates.len()).unwrap_or(i32::MAX);
                    self.odd_rates.push(rate);
                    (index, ODD_YOY)
                }
            },
        };
        let (period, label) = row.period.packed();
        self.region.push(row.region);
        self.indicator.push(row.indicator);
        self.period.push(period);
        self.value.push(value);
        self.base.push(base);
        self.meta.push(meta);
        self.yoy.push(yoy);
        self.yoy_scale.push(yoy_scale);
        self.target.push(row.target);
        self.line.push(row.line);
        self.flags
            .push(status_bits(row.status) | (u8::from(row.partial) << 2) | (label << 3));
    }

    /// The key of row `i`, which is in range.
    pub(super) fn key(&self, i: usize) -> Packed {
        (self.region[i], self.indicator[i], self.period[i])
    }

    pub(super) fn last_key(&self) -> Option<Packed> {
        self.len().checked_sub(1).map(|i| self.key(i))
    }

    /// The figure of row `i`, which is in range.
    pub(super) fn figure(&self, i: usize) -> Quantity {
        let meta = self.meta[i];
        let unit = (meta >> 10) & ODD_FIGURE;
        if unit == ODD_FIGURE {
            // The index of a figure pushed with it.
            let index = usize::try_from(self.value[i]).unwrap_or(usize::MAX);
            return self.odd_figures[index];
        }
        let (magnitude, u) = self.units[unit as usize];
        Quantity::from_plain_parts(
            decimal(self.value[i], meta & 31),
            decimal(self.base[i], (meta >> 5) & 31),
            self.precisions[(meta >> 21) as usize],
            magnitude,
            u,
        )
    }

    /// The published growth of row `i`, which is in range.
    pub(super) fn yoy(&self, i: usize) -> Option<Rate> {
        match self.yoy_scale[i] {
            NO_YOY => None,
            ODD_YOY => usize::try_from(self.yoy[i])
                .ok()
                .and_then(|index| self.odd_rates.get(index).copied()),
            scale => Some(Rate::written_percent(Decimal::new(
                i64::from(self.yoy[i]),
                u32::from(scale),
            ))),
        }
    }

    /// Row `i`, which is in range, rebuilt.
    pub(super) fn row(&self, i: usize) -> Row {
        let flags = self.flags[i];
        Row {
            region: self.region[i],
            indicator: self.indicator[i],
            period: Period::unpacked(self.period[i], flags >> 3),
            value: self.figure(i),
            yoy: self.yoy(i),
            target: self.target[i],
            line: self.line[i],
            status: status_of(flags),
            partial: flags & 4 != 0,
        }
    }

    pub(super) fn get(&self, i: usize) -> Option<Row> {
        (i < self.len()).then(|| self.row(i))
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = Row> + '_ {
        (0..self.len()).map(|i| self.row(i))
    }

    /// Where `key` is (or would be inserted), in sorted columns.
    pub(super) fn search(&self, key: Packed) -> Result<usize, usize> {
        // The three columns searched together: a binary search on the first, then the others.
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.key(mid).cmp(&key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Ok(mid),
            }
        }
        Err(lo)
    }

    /// Reorders every per-row column so that row `i` is the old row `from[i]`.
    fn gather(&mut self, from: &[u32]) {
        fn apply<T: Copy>(column: &mut Vec<T>, from: &[u32]) {
            let reordered: Vec<T> = from.iter().map(|&i| column[i as usize]).collect();
            *column = reordered;
        }
        apply(&mut self.region, from);
        apply(&mut self.indicator, from);
        apply(&mut self.period, from);
        apply(&mut self.value, from);
        apply(&mut self.base, from);
        apply(&mut self.meta, from);
        apply(&mut self.yoy, from);
        apply(&mut self.yoy_scale, from);
        apply(&mut self.target, from);
        apply(&mut self.line, from);
        apply(&mut self.flags, from);
    }

    /// Sorts the rows by key (of two equal keys the earlier line first) and removes every later
    /// duplicate, returning (the row kept, the duplicate) for each. Columns already in order —
    /// what a file written in key order gives — are checked in one pass and not moved.
    pub(super) fn sort(&mut self) -> Vec<(Row, Row)> {
        let n = self.len();
        let ordered =
            (1..n).all(|i| (self.key(i - 1), self.line[i - 1]) < (self.key(i), self.line[i]));
        if !ordered {
            let mut order: Vec<(Packed, u32, u32)> = (0..n)
                .map(|i| {
                    (
                        self.key(i),
                        self.line[i],
                        u32::try_from(i).unwrap_or(u32::MAX),
                    )
                })
                .collect();
            order.sort_unstable();
            let from: Vec<u32> = order.into_iter().map(|(_, _, i)| i).collect();
            self.gather(&from);
        }
        let duplicate = |i: usize| i > 0 && self.key(i - 1) == self.key(i);
        if !(1..n).any(duplicate) {
            return Vec::new();
        }
        let mut kept: Vec<u32> = Vec::with_capacity(n);
        let mut duplicates = Vec::new();
        for i in 0..n {
            let index = u32::try_from(i).unwrap_or(u32::MAX);
            match kept.last() {
                Some(&k) if self.key(k as usize) == self.key(i) => {
                    duplicates.push((self.row(k as usize), self.row(i)));
                }
                _ => kept.push(index),
            }
        }
        self.gather(&kept);
        duplicates
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(region: u32, period: &str, value: &str, yoy: Option<&str>, line: u32) -> Row {
        Row {
            region,
            indicator: 0,
            period: period.parse().unwrap(),
            value: value.parse().unwrap(),
            yoy: yoy.map(|y| y.parse().unwrap()),
            target: super::super::row::NO_TARGET,
            line,
            status: Status::Estimated,
            partial: true,
        }
    }

    fn text(r: &Row) -> String {
        format!(
            "{} {} {} {:?} {} {:?} {} {:?}",
            r.region,
            r.period,
            r.value,
            r.yoy.map(|y| y.to_string()),
            r.line,
            r.status,
            r.partial,
            (
                r.value.precision(),
                r.value.qualifier().is_some(),
                r.yoy.map(|y| y.precision())
            )
        )
    }

    #[test]
    fn rows_come_back_as_they_went_in() {
        let rows = [
            row(1, "2023年1—10月", "238429.89万元", Some("9.9"), 2),
            row(0, "2023年前三季度", "44余项", Some("-0.5%"), 3),
            row(
                0,
                "2023年三季度",
                "1.2345678901234567890亿元",
                Some("3‰"),
                4,
            ),
            row(0, "2022年", "0.50亿元", None, 5),
            row(2, "2023年上半年", "-3.0万公斤/亩", Some("4.10%"), 6),
        ];
        let mut c = Columns::default();
        for r in &rows {
            c.push(r);
        }
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(text(&c.row(i)), text(r));
            assert_eq!(c.row(i).period.to_string(), r.period.to_string());
        }
        // Sorted by region, then period; nothing dropped.
        assert!(c.sort().is_empty());
        let order: Vec<u32> = c.iter().map(|r| r.line).collect();
        assert_eq!(order, [5, 3, 4, 2, 6]); // 1—9月 before 7—9月
    }

    #[test]
    fn later_duplicates_are_removed_and_named() {
        let mut c = Columns::default();
        c.push(&row(0, "2023年", "2亿元", None, 7));
        c.push(&row(0, "2022年", "1亿元", None, 3));
        c.push(&row(0, "2023年", "3亿元", None, 9));
        let d = c.sort();
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].0.line, d[0].1.line), (7, 9));
        assert_eq!(c.len(), 2);
        assert_eq!(c.search(c.key(1)), Ok(1));
    }
}

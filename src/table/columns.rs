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
pub(crate) const NO_YOY: u8 = u8::MAX;
/// `yoy_scale` of a rate kept whole: the yoy column holds the index.
pub(crate) const ODD_YOY: u8 = u8::MAX - 1;

/// A row as a fast reader made it: every field already in column form, the unit and precision
/// as ids of these columns ([`Columns::unit_id`], [`Columns::precision_id`]) and a rate kept whole
/// as its index ([`Columns::odd_rate`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Compact {
    pub(crate) region: u32,
    pub(crate) indicator: u32,
    pub(crate) period: u32,
    pub(crate) label: u8,
    pub(crate) value: i64,
    pub(crate) base: i64,
    pub(crate) value_scale: u32,
    pub(crate) base_scale: u32,
    pub(crate) unit: u32,
    pub(crate) precision: u32,
    pub(crate) yoy: i32,
    pub(crate) yoy_scale: u8,
    pub(crate) line: u32,
    pub(crate) status: Status,
}

/// A figure in compact form: see [`Columns::plain`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Plain {
    pub(super) value: i64,
    pub(super) scale: u32,
    pub(super) base: i64,
    pub(super) base_scale: u32,
    pub(super) unit: u32,
}

/// What a reader's own ids are in these columns: region, unit and precision ids and odd-rate
/// indexes by the reader's, and the line its rows count from.
#[derive(Debug)]
pub(crate) struct Ids<'a> {
    pub(crate) regions: &'a [u32],
    pub(crate) units: &'a [u32],
    pub(crate) precisions: &'a [u32],
    pub(crate) rates: &'a [i32],
    pub(crate) line: u64,
}

/// The columns, in the order their rows were pushed (sorted by [`Columns::sort`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct Columns {
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
    /// What a figure in each unit id writes after its number ("万元").
    suffixes: Vec<String>,
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

    /// The id of a unit (with its magnitude), added if new; `None` past the most ids.
    pub(crate) fn unit_id(&mut self, unit: (Magnitude, Unit)) -> Option<u32> {
        if let Some(&id) = self.unit_ids.get(&unit) {
            return Some(id);
        }
        let id = u32::try_from(self.units.len())
            .ok()
            .filter(|&id| id < ODD_FIGURE)?;
        self.units.push(unit);
        self.suffixes.push(format!("{}{}", unit.0.as_str(), unit.1));
        self.unit_ids.insert(unit, id);
        Some(id)
    }

    /// The id of a precision, added if new; `None` past the most ids.
    pub(crate) fn precision_id(&mut self, precision: Precision) -> Option<u32> {
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
        // A negative zero ("-0.0万元") keeps its sign only whole.
        if [value, base]
            .iter()
            .any(|d| d.is_zero() && d.is_sign_negative())
        {
            return None;
        }
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

    /// Keeps a rate whole, returning its index for [`Compact::yoy`].
    pub(crate) fn odd_rate(&mut self, rate: Rate) -> i32 {
        let index = i32::try_from(self.odd_rates.len()).unwrap_or(i32::MAX);
        self.odd_rates.push(rate);
        index
    }

    /// Appends a row in column form.
    pub(crate) fn push_compact(&mut self, c: &Compact) {
        self.region.push(c.region);
        self.indicator.push(c.indicator);
        self.period.push(c.period);
        self.value.push(c.value);
        self.base.push(c.base);
        self.meta
            .push(c.value_scale | (c.base_scale << 5) | (c.unit << 10) | (c.precision << 21));
        self.yoy.push(c.yoy);
        self.yoy_scale.push(c.yoy_scale);
        self.target.push(super::row::NO_TARGET);
        self.line.push(c.line);
        self.flags.push(status_bits(c.status) | (c.label << 3));
    }

    /// Appends rows in column form whose ids are a reader's own, made these columns' by `ids`.
    pub(crate) fn extend_compact(&mut self, rows: &[Compact], ids: &Ids<'_>) {
        // One column at a time: each a tight loop over the rows, the columns on all cores.
        self.reserve(rows.len());
        let Columns {
            region,
            indicator,
            period,
            value,
            base,
            meta,
            yoy,
            yoy_scale,
            target,
            line,
            flags,
            ..
        } = self;
        let mut region = move || region.extend(rows.iter().map(|r| ids.regions[r.region as usize]));
        let mut indicator = move || indicator.extend(rows.iter().map(|r| r.indicator));
        let mut period = move || period.extend(rows.iter().map(|r| r.period));
        let mut value = move || value.extend(rows.iter().map(|r| r.value));
        let mut base = move || base.extend(rows.iter().map(|r| r.base));
        let mut meta = move || {
            meta.extend(rows.iter().map(|r| {
                r.value_scale
                    | (r.base_scale << 5)
                    | (ids.units[r.unit as usize] << 10)
                    | (ids.precisions[r.precision as usize] << 21)
            }));
        };
        let mut yoy = move || {
            yoy.extend(rows.iter().map(|r| {
                if r.yoy_scale == ODD_YOY {
                    ids.rates[r.yoy as usize]
                } else {
                    r.yoy
                }
            }));
            yoy_scale.extend(rows.iter().map(|r| r.yoy_scale));
        };
        let mut rest = move || {
            target.extend(std::iter::repeat_n(super::row::NO_TARGET, rows.len()));
            // The caller checked that every line fits.
            line.extend(
                rows.iter()
                    .map(|r| u32::try_from(ids.line + u64::from(r.line)).unwrap_or(u32::MAX)),
            );
            flags.extend(rows.iter().map(|r| status_bits(r.status) | (r.label << 3)));
        };
        #[cfg(feature = "parallel")]
        if rows.len() >= 4096 {
            rayon::scope(|s| {
                s.spawn(move |_| region());
                s.spawn(move |_| indicator());
                s.spawn(move |_| period());
                s.spawn(move |_| value());
                s.spawn(move |_| base());
                s.spawn(move |_| meta());
                s.spawn(move |_| yoy());
                rest();
            });
            return;
        }
        region();
        indicator();
        period();
        value();
        base();
        meta();
        yoy();
        rest();
    }

    /// Appends a row in column form whose figure is kept whole: its unit and precision are
    /// given, not ids.
    pub(crate) fn push_whole(
        &mut self,
        c: &Compact,
        unit: (Magnitude, Unit),
        precision: Precision,
    ) {
        let index = i64::try_from(self.odd_figures.len()).unwrap_or(i64::MAX);
        self.odd_figures.push(Quantity::from_plain_parts(
            decimal(c.value, c.value_scale),
            decimal(c.base, c.base_scale),
            precision,
            unit.0,
            unit.1,
        ));
        self.push_compact(&Compact {
            value: index,
            base: 0,
            value_scale: 0,
            base_scale: 0,
            unit: ODD_FIGURE,
            precision: 0,
            ..*c
        });
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
                None => (self.odd_rate(rate), ODD_YOY),
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

    /// The period of row `i`, which is in range.
    pub(super) fn period(&self, i: usize) -> Period {
        Period::unpacked(self.period[i], self.flags[i] >> 3)
    }

    /// The figure of row `i` (in range) as mantissas, when it is stored in compact form: the value
    /// and its scale, the base value and its scale, the unit id.
    pub(super) fn plain(&self, i: usize) -> Option<Plain> {
        let meta = self.meta[i];
        let unit = (meta >> 10) & ODD_FIGURE;
        (unit != ODD_FIGURE).then(|| Plain {
            value: self.value[i],
            scale: meta & 31,
            base: self.base[i],
            base_scale: (meta >> 5) & 31,
            unit,
        })
    }

    /// What a figure of unit id `unit` writes after its number: its magnitude and unit ("万元").
    pub(super) fn suffix(&self, unit: u32) -> &str {
        self.suffixes.get(unit as usize).map_or("", String::as_str)
    }

    /// The published growth of row `i` (in range): `Ok(None)` for none, `Ok(Some((mantissa,
    /// scale)))` for a rate in percent as written, `Err(())` for one kept whole.
    pub(super) fn yoy_plain(&self, i: usize) -> Result<Option<(i32, u32)>, ()> {
        match self.yoy_scale[i] {
            NO_YOY => Ok(None),
            ODD_YOY => Err(()),
            scale => Ok(Some((self.yoy[i], u32::from(scale)))),
        }
    }

    /// The row before `i` with `key`, found by galloping back from `i` and a binary search in
    /// the last stride: last year's row is a few rows back in key order.
    pub(super) fn find_before(&self, i: usize, key: Packed) -> Option<usize> {
        let (mut hi, mut step) = (i, 1);
        let lo = loop {
            let j = hi.saturating_sub(step);
            if j == 0 || self.key(j) <= key {
                break j;
            }
            hi = j;
            step *= 2;
        };
        // The key, if there, is in lo..hi.
        let (mut lo, mut hi) = (lo, hi);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.key(mid).cmp(&key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The status of row `i`, which is in range.
    pub(super) fn status(&self, i: usize) -> Status {
        status_of(self.flags[i])
    }

    /// Whether row `i` (in range) is a partial sum.
    pub(super) fn partial(&self, i: usize) -> bool {
        self.flags[i] & 4 != 0
    }

    /// The line of row `i`, which is in range.
    pub(super) fn line(&self, i: usize) -> u32 {
        self.line[i]
    }

    /// The target id of row `i`, which is in range.
    pub(super) fn target(&self, i: usize) -> u32 {
        self.target[i]
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

    #[cfg(test)]
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

    /// Reorders every per-row column so that row `i` is the old row `from[i]`, in place: each
    /// cycle of the permutation followed once, so no column is allocated twice.
    fn gather(&mut self, from: &[u32]) {
        fn apply<T: Copy>(column: &mut [T], from: &[u32]) {
            let mut done = vec![false; column.len()];
            for start in 0..column.len() {
                if done[start] {
                    continue;
                }
                let first = column[start];
                let mut i = start;
                loop {
                    done[i] = true;
                    let j = from[i] as usize;
                    if j == start {
                        column[i] = first;
                        break;
                    }
                    column[i] = column[j];
                    i = j;
                }
            }
        }
        let Columns {
            region,
            indicator,
            period,
            value,
            base,
            meta,
            yoy,
            yoy_scale,
            target,
            line,
            flags,
            ..
        } = self;
        // The columns are independent: gathered on all cores.
        #[cfg(feature = "parallel")]
        rayon::scope(|s| {
            s.spawn(|_| apply(region, from));
            s.spawn(|_| apply(indicator, from));
            s.spawn(|_| apply(period, from));
            s.spawn(|_| apply(value, from));
            s.spawn(|_| apply(base, from));
            s.spawn(|_| apply(meta, from));
            s.spawn(|_| apply(yoy, from));
            s.spawn(|_| apply(yoy_scale, from));
            s.spawn(|_| apply(target, from));
            s.spawn(|_| apply(line, from));
            apply(flags, from);
        });
        #[cfg(not(feature = "parallel"))]
        {
            apply(region, from);
            apply(indicator, from);
            apply(period, from);
            apply(value, from);
            apply(base, from);
            apply(meta, from);
            apply(yoy, from);
            apply(yoy_scale, from);
            apply(target, from);
            apply(line, from);
            apply(flags, from);
        }
    }

    /// Keeps the rows `kept` (in increasing order), moved down in place.
    fn keep(&mut self, kept: &[u32]) {
        fn apply<T: Copy>(column: &mut Vec<T>, kept: &[u32]) {
            for (to, &from) in kept.iter().enumerate() {
                column[to] = column[from as usize];
            }
            column.truncate(kept.len());
        }
        apply(&mut self.region, kept);
        apply(&mut self.indicator, kept);
        apply(&mut self.period, kept);
        apply(&mut self.value, kept);
        apply(&mut self.base, kept);
        apply(&mut self.meta, kept);
        apply(&mut self.yoy, kept);
        apply(&mut self.yoy_scale, kept);
        apply(&mut self.target, kept);
        apply(&mut self.line, kept);
        apply(&mut self.flags, kept);
    }

    /// The order that sorts the rows, found from their runs: a file grouped by series, each in
    /// period order, is one increasing run a series, put in order by their first keys. `None` when the
    /// runs are many or overlap, for a full sort.
    fn run_order(&self) -> Option<Vec<u32>> {
        let n = self.len();
        let at = |i: usize| (self.key(i), self.line[i]);
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut start = 0;
        // A run is one series (region and indicator) or part of one, so that runs of different
        // series never interleave.
        let series = |i: usize| (self.region[i], self.indicator[i]);
        for i in 1..n {
            if series(i - 1) != series(i) || at(i - 1) >= at(i) {
                runs.push((start, i));
                start = i;
                if runs.len() > n / 8 {
                    return None;
                }
            }
        }
        runs.push((start, n));
        runs.sort_unstable_by_key(|&(s, _)| at(s));
        // Each run ends below the next one's start.
        if runs.windows(2).any(|w| at(w[0].1 - 1) >= at(w[1].0)) {
            return None;
        }
        let index = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        Some(runs.iter().flat_map(|&(s, e)| index(s)..index(e)).collect())
    }

    /// Sorts the rows by key (of two equal keys the earlier line first) and removes every later
    /// duplicate, returning (the row kept, the duplicate) for each. Columns already in order —
    /// what a file written in key order gives — are checked in one pass and not moved.
    pub(super) fn sort(&mut self) -> Vec<(Row, Row)> {
        let n = self.len();
        let ordered =
            (1..n).all(|i| (self.key(i - 1), self.line[i - 1]) < (self.key(i), self.line[i]));
        let runs = if ordered { None } else { self.run_order() };
        if let Some(from) = runs {
            self.gather(&from);
        } else if !ordered {
            let mut order: Vec<(Packed, u32, u32)> = (0..n)
                .map(|i| {
                    (
                        self.key(i),
                        self.line[i],
                        u32::try_from(i).unwrap_or(u32::MAX),
                    )
                })
                .collect();
            #[cfg(feature = "parallel")]
            rayon::slice::ParallelSliceMut::par_sort_unstable(&mut order[..]);
            #[cfg(not(feature = "parallel"))]
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
        self.keep(&kept);
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
    fn series_in_runs_and_rows_in_any_order_sort_alike() {
        // Three series of three periods, the series out of order (a run each), then the same rows
        // shuffled (a full sort): the same order, the same duplicate found.
        let mut rows = Vec::new();
        let mut line = 2;
        for region in [2, 0, 1] {
            for period in ["2021年", "2022年", "2023年"] {
                rows.push(row(region, period, "1亿元", None, line));
                line += 1;
            }
        }
        let sorted = |rows: &[Row]| {
            let mut c = Columns::default();
            for r in rows {
                c.push(r);
            }
            let d = c.sort();
            let lines: Vec<u32> = c.iter().map(|r| r.line).collect();
            (
                lines,
                d.iter().map(|(k, l)| (k.line, l.line)).collect::<Vec<_>>(),
            )
        };
        let by_runs = sorted(&rows);
        assert_eq!(by_runs, (vec![5, 6, 7, 8, 9, 10, 2, 3, 4], vec![]));
        let mut shuffled = rows.clone();
        shuffled.reverse();
        shuffled.swap(1, 5);
        assert_eq!(sorted(&shuffled), by_runs);
        // A duplicate overlaps a run: the full sort finds it.
        rows.push(row(0, "2022年", "9亿元", None, line));
        assert_eq!(sorted(&rows), (by_runs.0.clone(), vec![(6, 11)]));
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

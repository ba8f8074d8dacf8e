//! The long reader's fast path: records split from the bytes without a `String` a field, the
//! cells that repeat (regions, indicators, periods, units) parsed once, figures straight into
//! column form, and the file read in blocks whose pieces are parsed on all cores.
//!
//! It reads exactly what the general path ([`super::records::for_each_decoded`] with
//! [`super::observations`]' row parser) reads, by taking only what it is sure of:
//!
//! - A piece of a block that holds a quote or a cell that is not UTF-8 (or a full block without a
//!   line feed), and everything after it, go to the general path, resumed at its line and byte.
//! - A row whose cells are not all plain (a unit column, a target, a qualifier, an unknown
//!   indicator, a cell that does not parse) is handed to the general row parser as it is, in its
//!   place: its error, or its row, is the general path's.
//!
//! The pieces are put in the table in file order, so regions are numbered as first seen and bad
//! rows come in file order, whatever the number of threads.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Cursor, Read};

use rust_decimal::Decimal;

use super::columns::{Header, no_data};
use super::encoding::Decoding;
use super::observations::{self as long, Caches, Context};
use super::records::{Reading, Resume, for_each_decoded};
use crate::table::columns::{Compact, Ids, NO_YOY, ODD_YOY};
use crate::value::precision::Precision;
use crate::value::quantity::BaseRule;
use crate::{Catalog, Error, Magnitude, Period, Quantity, Rate, Result, Status, Table, Unit};

/// How much of a file is read at a time.
const BLOCK: usize = 8 << 20;
/// The least a piece of a block holds, so that a small file is one piece.
const PIECE: usize = 256 << 10;

/// How the fast path splits its input: block and piece sizes (tests make them small).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Split {
    pub(crate) block: usize,
    pub(crate) piece: usize,
}

impl Default for Split {
    fn default() -> Self {
        Split {
            block: BLOCK,
            piece: PIECE,
        }
    }
}

/// The columns a row is read from, by their place in the record.
#[derive(Debug, Clone, Copy)]
struct Places {
    region: usize,
    indicator: usize,
    period: usize,
    value: usize,
    unit: Option<usize>,
    status: Option<usize>,
    yoy: Option<usize>,
    target: Option<usize>,
}

impl Places {
    /// The places of the header's columns; `None` when the header names a unit for the value or
    /// target column ("数值(万元)"), which the general path applies.
    fn of(header: &Header) -> Option<Places> {
        if header.unit(long::VALUE.index).is_some() || header.unit(long::TARGET.index).is_some() {
            return None;
        }
        Some(Places {
            region: header.position(long::REGION.index)?,
            indicator: header.position(long::INDICATOR.index)?,
            period: header.position(long::PERIOD.index)?,
            value: header.position(long::VALUE.index)?,
            unit: header.position(long::UNIT.index),
            status: header.position(long::STATUS.index),
            yoy: header.position(long::YOY.index),
            target: header.position(long::TARGET.index),
        })
    }
}

/// A row the general row parser reads: its cells, its line from the piece's first, its byte.
#[derive(Debug)]
struct Handed {
    record: csv::StringRecord,
    line: u64,
    offset: u64,
}

/// What a piece's parse gives; reused from block to block, so its vectors keep their memory.
#[derive(Debug, Default)]
struct Piece {
    /// The rows in column form, with the piece's own region, unit and precision ids and odd-rate
    /// indexes, and their lines counted from the piece's first.
    rows: Vec<Compact>,
    /// The rows for the general parser, each with how many of `rows` come before it.
    handed: Vec<(usize, Handed)>,
    /// The regions by local id, in the order they first appear; with the index in `rows` of
    /// the first row of each.
    regions: Vec<(usize, String)>,
    units: Vec<(Magnitude, Unit)>,
    /// How each unit's base values are computed on integers, where they can be.
    rules: Vec<Option<BaseRule>>,
    precisions: Vec<Precision>,
    rates: Vec<Rate>,
    /// The lines the piece spans (terminators counted).
    lines: u64,
}

impl Piece {
    fn clear(&mut self) {
        self.rows.clear();
        self.handed.clear();
        self.regions.clear();
        self.units.clear();
        self.rules.clear();
        self.precisions.clear();
        self.rates.clear();
        self.lines = 0;
    }
}

/// A period's text and what it parsed to (`None`: not a period), packed.
type PeriodSlot<'c> = Option<(&'c str, Option<(u32, u8)>)>;

/// The caches of one piece's parse.
#[derive(Default)]
struct Seen<'c> {
    regions: HashMap<&'c str, u32>,
    last_region: Option<(&'c str, u32)>,
    indicators: HashMap<&'c str, Option<u32>>,
    last_indicator: Option<(&'c str, Option<u32>)>,
    periods: HashMap<&'c str, Option<(u32, u8)>>,
    /// The periods seen last, by a few of their bytes: a file's periods repeat in a cycle, and
    /// a slot that holds another period only sends the lookup on to the map.
    recent_periods: Vec<PeriodSlot<'c>>,
    suffixes: HashMap<&'c str, Option<(Magnitude, Unit)>>,
    last_suffix: Option<(&'c str, Option<(Magnitude, Unit)>)>,
    units: HashMap<(Magnitude, Unit), u32>,
    last_unit: Option<((Magnitude, Unit), u32)>,
    /// The precision id of each unit id and scale.
    precisions: HashMap<(u32, u32), u32>,
    last_precision: Option<((u32, u32), u32)>,
    /// The piece's id of each precision.
    precision_ids: HashMap<Precision, u32>,
}

/// How many periods [`Seen::recent_periods`] holds (a power of two).
const RECENT: usize = 256;

/// The slot of `text` in [`Seen::recent_periods`].
fn slot(text: &str) -> usize {
    // The first and last eight bytes (a period's year and its months are in them), mixed by one
    // multiplication.
    let b = text.as_bytes();
    let word = |bytes: &[u8]| {
        let mut w = [0u8; 8];
        let n = bytes.len().min(8);
        w[..n].copy_from_slice(&bytes[..n]);
        u64::from_le_bytes(w)
    };
    let head = word(b);
    let tail = word(&b[b.len().saturating_sub(8)..]);
    let h = (head ^ tail.rotate_left(23) ^ b.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> 56) as usize & (RECENT - 1)
}

/// `text` trimmed as `str::trim` trims it, without looking at its characters when its first
/// and last bytes cannot be part of white space.
fn trim(text: &str) -> &str {
    let text = match text.as_bytes().first() {
        // Every white space character is ASCII up to ' ', or starts with one of these bytes.
        Some(&b) if b > b' ' && !matches!(b, 0x7f | 0xc2 | 0xe1 | 0xe2 | 0xe3) => text,
        _ => text.trim_start(),
    };
    match text.as_bytes().last() {
        Some(&b) if b > b' ' && b < 0x7f => text,
        _ => text.trim_end(),
    }
}

/// The mantissa and scale of `number` (`-?[0-9]+(\.[0-9]+)?`, as `plain_number` splits it) when
/// it has at most 18 digits and is not a negative zero (which `Decimal` keeps signed).
fn digits(number: &str) -> Option<(i64, u32)> {
    let (negative, digits) = match number.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, number),
    };
    let mut mantissa: i64 = 0;
    let (mut count, mut scale, mut point) = (0u32, 0u32, false);
    for b in digits.bytes() {
        match b {
            b'.' => point = true,
            b'0'..=b'9' => {
                count += 1;
                if count > 18 {
                    return None;
                }
                mantissa = mantissa * 10 + i64::from(b - b'0');
                scale += u32::from(point);
            }
            _ => return None,
        }
    }
    if negative && mantissa == 0 {
        return None;
    }
    Some((if negative { -mantissa } else { mantissa }, scale))
}

/// The mantissa and scale of a plain decimal rate that fits the yoy column.
fn plain_yoy(text: &str) -> Option<(i32, u8)> {
    let (m, s) = digits(text).filter(|_| plain_decimal(text))?;
    Some((i32::try_from(m).ok()?, u8::try_from(s).ok()?))
}

/// Whether `text` is `-?[0-9]+(\.[0-9]+)?` and not a negative zero: a decimal that
/// `Decimal::from_str_exact` reads as the general parser does.
fn plain_decimal(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "1"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
        && !(text.starts_with('-') && digits.bytes().all(|b| matches!(b, b'0' | b'.')))
}

/// The piece's parse of one record's cells into column form; `None` hands it to the general
/// parser.
fn compact<'c>(
    cells: &[&'c str],
    places: &Places,
    catalog: &Catalog,
    seen: &mut Seen<'c>,
    piece: &mut Piece,
    line: u64,
) -> Option<Compact> {
    let cell = |i: usize| cells.get(i).map_or("", |c| trim(c));
    let optional = |i: Option<usize>| i.map_or("", cell);
    if !optional(places.unit).is_empty() {
        return None;
    }
    let target = optional(places.target);
    if !target.is_empty() && !no_data(target) {
        return None;
    }
    // The period, as the general reader's cache parses it.
    let period_text = cell(places.period);
    let recent = slot(period_text);
    let (period, label) = match seen.recent_periods.get(recent).copied().flatten() {
        Some((t, p)) if t == period_text => p?,
        _ => {
            let p = match seen.periods.get(period_text) {
                Some(p) => *p,
                None => {
                    let p = period_text.parse::<Period>().ok().map(|p| p.packed());
                    seen.periods.insert(period_text, p);
                    p
                }
            };
            if let Some(r) = seen.recent_periods.get_mut(recent) {
                *r = Some((period_text, p));
            }
            p?
        }
    };
    // The value: digits and a unit seen before, or the first of its unit.
    let value_text = cell(places.value);
    let (number, suffix) = crate::text::number::plain_number(value_text)?;
    if suffix.is_empty() || (suffix.starts_with(['e', 'E']) && long::is_scientific(value_text)) {
        return None;
    }
    let unit = match seen.last_suffix {
        Some((s, u)) if s == suffix => u,
        _ => {
            let u = match seen.suffixes.get(suffix) {
                Some(u) => *u,
                None => {
                    let u = value_text
                        .parse::<Quantity>()
                        .ok()
                        .filter(|q| long::is_unit_suffix(q, number, suffix))
                        .map(|q| (q.magnitude(), q.unit()));
                    seen.suffixes.insert(suffix, u);
                    u
                }
            };
            seen.last_suffix = Some((suffix, u));
            u
        }
    }?;
    let (mantissa, scale) = digits(number)?;
    let unit_id = match seen.last_unit {
        Some((u, id)) if u == unit => id,
        _ => {
            let id = match seen.units.get(&unit) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(piece.units.len()).ok()?;
                    piece.units.push(unit);
                    piece.rules.push(BaseRule::of(unit.0, unit.1));
                    seen.units.insert(unit, id);
                    id
                }
            };
            seen.last_unit = Some((unit, id));
            id
        }
    };
    // The base value on integers, the precision by unit and scale; the first figure of each
    // unit and scale (and any the rule does not cover) through `Quantity` itself.
    let rule = piece.rules.get(unit_id as usize).copied().flatten();
    let known = match seen.last_precision {
        Some((k, id)) if k == (unit_id, scale) => Some(id),
        _ => seen.precisions.get(&(unit_id, scale)).copied(),
    };
    let (base, base_scale, precision_id) = match (known, rule.and_then(|r| r.base(mantissa, scale)))
    {
        (Some(p), Some((b, bs))) => (b, bs, p),
        _ => {
            let value = Quantity::written(
                Decimal::try_new(mantissa, scale).ok()?,
                unit.0,
                unit.1,
                None,
            )
            .ok()?;
            let (_, b, precision, ..) = value.plain_parts()?;
            let id = match seen.precision_ids.get(&precision) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(piece.precisions.len()).ok()?;
                    piece.precisions.push(precision);
                    seen.precision_ids.insert(precision, id);
                    id
                }
            };
            seen.precisions.insert((unit_id, scale), id);
            (i64::try_from(b.mantissa()).ok()?, b.scale(), id)
        }
    };
    seen.last_precision = Some(((unit_id, scale), precision_id));
    // The indicator, known to the catalog and of the value's dimension.
    let indicator_text = cell(places.indicator);
    let indicator = match seen.last_indicator {
        Some((t, i)) if t == indicator_text => i,
        _ => {
            let i = *seen.indicators.entry(indicator_text).or_insert_with(|| {
                catalog
                    .index_of(indicator_text)
                    .and_then(|i| u32::try_from(i).ok())
            });
            seen.last_indicator = Some((indicator_text, i));
            i
        }
    }?;
    if unit.1.dimension() != catalog.at(indicator as usize).unit().dimension() {
        return None;
    }
    let status = match optional(places.status) {
        "" => Status::Actual,
        s if no_data(s) => Status::Actual,
        s => s.parse().ok()?,
    };
    let (yoy, yoy_scale) = match optional(places.yoy) {
        "" => (0, NO_YOY),
        y if no_data(y) => (0, NO_YOY),
        // A plain decimal in percent, as the general parser reads it, without building it.
        y if plain_yoy(y).is_some() => plain_yoy(y)?,
        y => {
            let rate = if plain_decimal(y) {
                Rate::written_percent(Decimal::from_str_exact(y).ok()?)
            } else {
                long::parse_yoy(y).ok()?
            };
            match rate
                .as_written_percent()
                .and_then(|p| Some((i32::try_from(p.mantissa()).ok()?, p.scale())))
            {
                Some((m, s)) => (m, u8::try_from(s).ok()?),
                None => {
                    let index = i32::try_from(piece.rates.len()).ok()?;
                    piece.rates.push(rate);
                    (index, ODD_YOY)
                }
            }
        }
    };
    // The region, as the table interns it: last, for a region is only the table's once its
    // row is read.
    let line = u32::try_from(line).ok()?;
    let region_text = cell(places.region).trim_start_matches('\u{feff}').trim();
    if region_text.is_empty() {
        return None;
    }
    let region = match seen.last_region {
        Some((r, id)) if r == region_text => id,
        _ => {
            let next = u32::try_from(piece.regions.len()).ok()?;
            let first = piece.rows.len();
            let id = *seen.regions.entry(region_text).or_insert_with(|| {
                piece.regions.push((first, region_text.to_string()));
                next
            });
            seen.last_region = Some((region_text, id));
            id
        }
    };
    Some(Compact {
        region,
        indicator,
        period,
        label,
        value: mantissa,
        base,
        value_scale: scale,
        base_scale,
        unit: unit_id,
        precision: precision_id,
        yoy,
        yoy_scale,
        line,
        status,
    })
}

/// Parses `raw` (whole records without a quote, at most its last line unterminated), which
/// starts at line 0 and byte `offset`, into `piece`; `false` if it is not UTF-8.
fn parse_piece(
    raw: &[u8],
    offset: u64,
    delimiter: u8,
    places: &Places,
    catalog: &Catalog,
    piece: &mut Piece,
) -> bool {
    piece.clear();
    // Checked as UTF-8 once, the whole piece: the delimiter and line ends are ASCII, so each
    // cell between them is UTF-8 too.
    let Ok(raw) = simdutf8::basic::from_utf8(raw) else {
        return false;
    };
    let mut seen = Seen {
        recent_periods: vec![None; RECENT],
        ..Seen::default()
    };
    let mut cells: Vec<&str> = Vec::with_capacity(16);
    let bytes = raw.as_bytes();
    let (mut at, mut line) = (0usize, 0u64);
    while at < raw.len() {
        let end = memchr::memchr2(b'\n', b'\r', &bytes[at..]).map_or(raw.len(), |e| at + e);
        if end > at {
            split_cells(raw.get(at..end).unwrap_or(""), delimiter, &mut cells);
            if !cells.iter().all(|c| trim(c).is_empty()) {
                match compact(&cells, places, catalog, &mut seen, piece, line) {
                    Some(row) => piece.rows.push(row),
                    None => piece.handed.push((
                        piece.rows.len(),
                        Handed {
                            record: csv::StringRecord::from(cells.clone()),
                            line,
                            offset: offset + at as u64,
                        },
                    )),
                }
            }
        }
        // The terminator: "\r\n" is one line end, "\r" and "\n" each one.
        at = end;
        if at < raw.len() {
            at += if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            line += 1;
        }
    }
    piece.lines = line;
    true
}

/// `line` split on the byte `delimiter` (ASCII, so never inside a character) into `cells`. The
/// line is scanned eight bytes at a time: a byte equal to the delimiter is a zero byte of the word
/// XOR the delimiter repeated, found without a branch a byte.
fn split_cells<'l>(line: &'l str, delimiter: u8, cells: &mut Vec<&'l str>) {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    cells.clear();
    let bytes = line.as_bytes();
    let repeated = u64::from_ne_bytes([delimiter; 8]);
    let mut from = 0;
    let mut cut = |to: usize, cells: &mut Vec<&'l str>| {
        cells.push(line.get(from..to).unwrap_or(""));
        from = to + 1;
    };
    let words = bytes.chunks_exact(8);
    let tail = words.remainder();
    for (i, word) in words.enumerate() {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(word);
        let x = u64::from_le_bytes(eight) ^ repeated;
        // The high bit of each byte set where the byte is zero, exactly (no carry crosses a
        // byte: (b & 0x7f) + 0x7f is at most 0xfe).
        let mut zeros = !(((x & LOW) + LOW) | x | LOW);
        while zeros != 0 {
            cut(i * 8 + zeros.trailing_zeros() as usize / 8, cells);
            zeros &= zeros - 1;
        }
    }
    let done = bytes.len() - tail.len();
    for (i, &b) in tail.iter().enumerate() {
        if b == delimiter {
            cut(done + i, cells);
        }
    }
    cut(bytes.len(), cells);
}

/// `block` (whole records) cut into at most about `most` pieces at line feeds, each at least
/// `least` bytes, with where each starts.
fn pieces(block: &[u8], least: usize, most: usize) -> Vec<(usize, &[u8])> {
    let size = (block.len() / most.max(1)).max(least).max(1);
    let mut out = Vec::new();
    let mut start = 0;
    while start < block.len() {
        let cut = (start + size).min(block.len());
        let end = match memchr::memchr(b'\n', &block[cut..]) {
            Some(e) if cut < block.len() => cut + e + 1,
            _ => block.len(),
        };
        out.push((start, &block[start..end]));
        start = end;
    }
    out
}

/// Puts a piece's rows in the table, in order: fast rows with their ids made the table's, a
/// segment at a time, handed rows through the general row parser between them. `line` is the
/// piece's first line.
fn merge(
    table: &mut Table,
    piece: &mut Piece,
    line: u64,
    header: &Header,
    caches: &mut Caches,
    context: &Context<'_>,
    bad: &mut Vec<Error>,
) {
    let columns = table.columns_mut();
    let units: Option<Vec<u32>> = piece.units.iter().map(|&u| columns.unit_id(u)).collect();
    let precisions: Option<Vec<u32>> = piece
        .precisions
        .iter()
        .map(|&p| columns.precision_id(p))
        .collect();
    let rates: Vec<i32> = piece.rates.iter().map(|&r| columns.odd_rate(r)).collect();
    let lines_fit = line
        .checked_add(piece.lines)
        .is_some_and(|l| u32::try_from(l).is_ok());
    let mut regions: Vec<u32> = Vec::with_capacity(piece.regions.len());
    let mut start = 0;
    let ends = piece
        .handed
        .iter()
        .map(|(at, h)| (*at, Some(h)))
        .chain(std::iter::once((piece.rows.len(), None)));
    for (end, handed) in ends {
        // The regions first seen in this segment, interned in order before its rows.
        while let Some((first, name)) = piece.regions.get(regions.len()) {
            if *first >= end {
                break;
            }
            match table.intern_region(name) {
                Ok(id) => regions.push(id),
                // Past the most regions: these rows are not read.
                Err(e) => {
                    bad.push(e.at_line(line, None));
                    return;
                }
            }
        }
        let segment = &piece.rows[start..end];
        match (&units, &precisions) {
            (Some(units), Some(precisions)) if lines_fit => table.columns_mut().extend_compact(
                segment,
                &Ids {
                    regions: &regions,
                    units,
                    precisions,
                    rates: &rates,
                    line,
                },
            ),
            _ => {
                for row in segment {
                    push_one(table, row, piece, &regions, &rates, line, bad);
                }
            }
        }
        start = end;
        if let Some(h) = handed {
            let cells = super::columns::Cells {
                header,
                record: &h.record,
                line: line + h.line,
                offset: h.offset,
                sheet: None,
            };
            if let Err(e) = long::push_row(table, &cells, caches, context) {
                bad.push(e);
            }
        }
    }
}

/// One fast row put in the table by itself: when its line or its unit or precision do not fit
/// the columns' ids.
fn push_one(
    table: &mut Table,
    row: &Compact,
    piece: &Piece,
    regions: &[u32],
    rates: &[i32],
    line: u64,
    bad: &mut Vec<Error>,
) {
    let at = line.saturating_add(u64::from(row.line));
    let Ok(at32) = u32::try_from(at) else {
        bad.push(
            Error::out_of_range("line", at, "a line number up to 4294967295").at_line(at, None),
        );
        return;
    };
    let mut row = Compact {
        region: regions[row.region as usize],
        line: at32,
        ..*row
    };
    if row.yoy_scale == ODD_YOY {
        row.yoy = rates[row.yoy as usize];
    }
    let columns = table.columns_mut();
    let unit = piece.units[row.unit as usize];
    let precision = piece.precisions[row.precision as usize];
    match (columns.unit_id(unit), columns.precision_id(precision)) {
        (Some(u), Some(p)) => {
            row.unit = u;
            row.precision = p;
            columns.push_compact(&row);
        }
        _ => columns.push_whole(&row, unit, precision),
    }
}

/// Reads a long CSV from `decoded` (UTF-8) into `table`, returning the bad rows in file order.
pub(crate) fn read<R: Read>(
    decoded: R,
    table: &mut Table,
    reading: Reading<'_>,
    caches: &mut Caches,
    context: &Context<'_>,
    split: Split,
) -> Result<Vec<Error>> {
    let mut input = BufReader::with_capacity(64 * 1024, decoded);
    let delimiter = match reading.delimiter {
        Some(d) => d,
        None => super::grid::sniff_delimiter(input.fill_buf().map_err(Error::io)?),
    };
    let general = Reading {
        delimiter: Some(delimiter),
        ..reading
    };
    if !delimiter.is_ascii() || matches!(delimiter, b'\n' | b'\r' | b'"') {
        return general_path(input, table, general, None, caches, context);
    }
    let mut block: Vec<u8> = Vec::new();
    // The header: the first line, if it is plain.
    let header_end = loop {
        if let Some(e) = memchr::memchr2(b'\n', b'\r', &block) {
            break Some(e);
        }
        let size = block.len() + 64 * 1024;
        if block.len() >= split.block.max(64 * 1024) || fill(&mut input, &mut block, size)? == 0 {
            break None;
        }
    };
    let plain_header = header_end.and_then(|e| {
        let head = std::str::from_utf8(&block[..e]).ok()?;
        (!head.contains('"') && !head.trim().is_empty()).then_some(head)
    });
    let mapped = match plain_header {
        Some(head) => {
            let header = Header::new(
                head.split(char::from(delimiter)),
                &long::SPECS,
                reading.supplied,
            )?;
            Places::of(&header).map(|places| (header, places))
        }
        None => None,
    };
    let Some((header, places)) = mapped else {
        return general_path(
            Cursor::new(block).chain(input),
            table,
            general,
            None,
            caches,
            context,
        );
    };
    // After the header's terminator.
    let mut start = header_end.unwrap_or(0);
    start += if block.get(start) == Some(&b'\r') && block.get(start + 1) == Some(&b'\n') {
        2
    } else {
        1
    };
    let (mut line, mut offset) = (2u64, start as u64);
    block.drain(..start);
    let catalog = table.catalog().clone();
    let most = rayon_threads() * 4;
    let mut bad = Vec::new();
    let mut pool: Vec<Piece> = Vec::new();
    loop {
        fill(&mut input, &mut block, split.block)?;
        // A block not filled is the end of the file.
        let at_end = block.len() < split.block;
        // Whole records: up to the last line feed, or everything at the end of the file.
        let whole = if at_end {
            block.len()
        } else {
            memchr::memrchr(b'\n', &block).map_or(0, |e| e + 1)
        };
        // A full block without a line feed (a CR-only file, a line longer than a block) is left
        // to the general path, as is a piece that is not plain.
        let mut general_from = (whole == 0 && !at_end).then_some(0);
        if general_from.is_none() {
            let cut = pieces(&block[..whole], split.piece, most);
            let parsed = parse_all(&cut, offset, delimiter, &places, &catalog, &mut pool);
            for (((at, _), plain), piece) in cut.iter().zip(parsed).zip(pool.iter_mut()) {
                if !plain {
                    general_from = Some(*at);
                    break;
                }
                merge(table, piece, line, &header, caches, context, &mut bad);
                line += piece.lines;
            }
        }
        if let Some(at) = general_from {
            // The rest of the file, from this piece, by the general path, after a line feed of
            // its own one line and byte before: the csv reader drops a BOM at the start of its
            // input, and a row may start with one (it is a cell's).
            let resume = Resume {
                header: &header,
                line: line - 1,
                offset: offset + at as u64 - 1,
            };
            block.drain(..at);
            let rest = general_path(
                Cursor::new(&b"\n"[..])
                    .chain(Cursor::new(block))
                    .chain(input),
                table,
                general,
                Some(resume),
                caches,
                context,
            )?;
            bad.extend(rest);
            return Ok(bad);
        }
        offset += whole as u64;
        block.drain(..whole);
        if at_end {
            return Ok(bad);
        }
    }
}

/// Parses the pieces into `pool` (grown to their number), on all cores when there is more than
/// one; `false` for a piece that is not UTF-8 or holds a quote.
fn parse_all(
    cut: &[(usize, &[u8])],
    offset: u64,
    delimiter: u8,
    places: &Places,
    catalog: &Catalog,
    pool: &mut Vec<Piece>,
) -> Vec<bool> {
    if pool.len() < cut.len() {
        pool.resize_with(cut.len(), Piece::default);
    }
    let one = |(&(at, bytes), piece): (&(usize, &[u8]), &mut Piece)| {
        memchr::memchr(b'"', bytes).is_none()
            && parse_piece(bytes, offset + at as u64, delimiter, places, catalog, piece)
    };
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        if cut.len() > 1 {
            return cut.par_iter().zip(pool.par_iter_mut()).map(one).collect();
        }
    }
    cut.iter().zip(pool.iter_mut()).map(one).collect()
}

fn rayon_threads() -> usize {
    #[cfg(feature = "parallel")]
    {
        rayon::current_num_threads()
    }
    #[cfg(not(feature = "parallel"))]
    {
        1
    }
}

/// Reads into `block` until it holds `size` bytes or the input ends; the bytes read.
fn fill<R: Read>(input: &mut R, block: &mut Vec<u8>, size: usize) -> Result<usize> {
    let want = size.saturating_sub(block.len());
    if want == 0 {
        return Ok(0);
    }
    let before = block.len();
    input
        .take(want as u64)
        .read_to_end(block)
        .map_err(Error::io)?;
    Ok(block.len() - before)
}

/// The general path over `rest`, resumed after a header already read or from the start.
fn general_path<R: Read>(
    rest: R,
    table: &mut Table,
    reading: Reading<'_>,
    resume: Option<Resume<'_>>,
    caches: &mut Caches,
    context: &Context<'_>,
) -> Result<Vec<Error>> {
    for_each_decoded(
        rest,
        Decoding::Utf8,
        &long::SPECS,
        Reading { resume, ..reading },
        |cells| long::push_row(table, cells, caches, context),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CsvOptions;
    use proptest::prelude::*;

    /// A table and its bad rows as text: every field of every row (line, precision and the order
    /// regions were first seen included), every error with its kind and location.
    fn dump(read: Result<(Table, Vec<Error>)>) -> String {
        match read {
            Err(e) => format!("error {e} {:?} {:?}", e.kind(), e.location()),
            Ok((t, bad)) => {
                let mut out = format!("regions {:?}\n", t.regions().collect::<Vec<_>>());
                for o in t.iter() {
                    let v = o.value();
                    out += &format!(
                        "{}|{}|{}|{}|{:?}|{:?}|{:?}|{:?}|{:?}|{}|{:?}\n",
                        o.region(),
                        o.indicator().code(),
                        o.period(),
                        v,
                        (
                            v.precision(),
                            v.value().scale(),
                            v.value().is_sign_negative()
                        ),
                        o.yoy()
                            .map(|y| (y.to_string(), y.precision(), y.is_written())),
                        o.target().map(|t| t.to_string()),
                        o.status(),
                        o.line(),
                        o.is_partial(),
                        o.indicator().is_ad_hoc(),
                    );
                }
                for e in bad {
                    out += &format!("bad {e} {:?} {:?}\n", e.kind(), e.location());
                }
                out
            }
        }
    }

    fn read_with(input: &[u8], split: Option<Split>) -> Result<(Table, Vec<Error>)> {
        let options = CsvOptions::new();
        let mut table = Table::with_catalog(options.catalog_of().clone());
        let mut caches = Caches::default();
        let context = Context::of(&options);
        let reading = Reading {
            supplied: context.supplied(),
            ..options.reading()
        };
        let (decoded, decoding) = super::super::encoding::utf8_reader(input)?;
        let bad = match split {
            Some(split) if decoding == Decoding::Utf8 => {
                read(decoded, &mut table, reading, &mut caches, &context, split)
            }
            _ => for_each_decoded(decoded, decoding, &long::SPECS, reading, |cells| {
                long::push_row(&mut table, cells, &mut caches, &context)
            }),
        }?;
        long::finish_table(table, bad, &options)
    }

    const HEADERS: &[&str] = &[
        "地区,指标,时期,数值,同比增长",
        "地区,指标,时期,数值,状态,同比增长,目标",
        "时期,数值,指标,地区",
        "地区,指标,时期,数值,单位,同比增长",
        "地区,指标,时期,数值(万元),同比增长",
        "region,indicator,period,value,yoy",
        "地区\t指标\t时期\t数值\t同比增长",
    ];
    const REGIONS: &[&str] = &["甲镇", " 乙乡 ", "\u{feff}示例县", "", "丙村"];
    const INDICATORS: &[&str] = &[
        "retail",
        "gdp",
        "社会消费品零售总额",
        "自定义指标",
        "fai",
        "规上工业增加值",
    ];
    const PERIODS: &[&str] = &[
        "2023年1月",
        "2022年1月",
        "2023年1—2月",
        "2022年1至2月",
        "2023年",
        "2022年",
        "13月",
        "",
    ];
    const VALUES: &[&str] = &[
        "238429.89万元",
        "220000.00万元",
        "-3.5亿元",
        "约3亿元",
        "3余万元",
        "1.20E+05",
        "",
        "X亿元",
        "7",
        "0.00万元",
        "-0.0万元",
        "12345678901234567890123456789万元",
        "44项",
        "1.5公顷",
        "100公斤/亩",
        "47149万",
        "８８万元",
        "1,234万元",
    ];
    const YOYS: &[&str] = &[
        "",
        "9.9",
        "-0.0",
        "-0.5",
        "4.1%",
        "3‰",
        "—",
        "abc",
        "增长4.1%",
        "12345678901.5",
        "扭亏为盈",
    ];
    const STATUSES: &[&str] = &["", "预计", "P", "bad"];
    const TARGETS: &[&str] = &["", "5亿元", "—", "x"];
    const TERMINATORS: &[&str] = &["\n", "\r\n", "\r"];

    /// A file: one header, rows of cells drawn from the lists above (sometimes quoted, sometimes
    /// a stray byte), blank lines, one kind of line end or a mix.
    fn file() -> impl Strategy<Value = Vec<u8>> {
        let cell = (0usize..32, any::<u8>(), 0u8..40);
        let row = (prop::collection::vec(cell, 4..8), 0u8..20);
        (
            0..HEADERS.len(),
            prop::collection::vec(row, 0..40),
            0..TERMINATORS.len(),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(h, rows, t, mixed, bom)| {
                let header = HEADERS[h];
                let delimiter = if header.contains('\t') { "\t" } else { "," };
                let mut out: Vec<u8> = Vec::new();
                if bom {
                    out.extend_from_slice(b"\xEF\xBB\xBF");
                }
                out.extend_from_slice(header.as_bytes());
                for (i, (cells, extra)) in rows.iter().enumerate() {
                    let end = if mixed {
                        TERMINATORS[(i + t) % 3]
                    } else {
                        TERMINATORS[t]
                    };
                    out.extend_from_slice(end.as_bytes());
                    if *extra == 0 {
                        out.extend_from_slice(end.as_bytes()); // a blank line
                    }
                    for (j, &(pick, raw, odd)) in cells.iter().enumerate() {
                        if j > 0 {
                            out.extend_from_slice(delimiter.as_bytes());
                        }
                        let lists: [&[&str]; 7] = [
                            REGIONS, INDICATORS, PERIODS, VALUES, STATUSES, YOYS, TARGETS,
                        ];
                        let list = lists[j % lists.len()];
                        let text = list[pick % list.len()];
                        match odd {
                            0 => out.extend_from_slice(format!("\"{text}\"").as_bytes()),
                            1 => out.extend_from_slice(format!("\"{text},\n{text}\"").as_bytes()),
                            2 => out.push(0x80 | (raw & 0x3f)), // a byte that is not UTF-8
                            3 => out.extend_from_slice(b"\"unclosed"),
                            _ => out.extend_from_slice(text.as_bytes()),
                        }
                    }
                }
                if rows.len() % 2 == 0 {
                    out.extend_from_slice(TERMINATORS[t].as_bytes());
                }
                out
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(0u32).max(10_000)
        ))]

        /// The fast path reads every file as the general path does, whatever its blocks and pieces.
        #[test]
        fn reads_as_the_general_path(input in file(), block in 16usize..400, piece in 1usize..200) {
            let general = dump(read_with(&input, None));
            prop_assert_eq!(&dump(read_with(&input, Some(Split::default()))), &general);
            prop_assert_eq!(&dump(read_with(&input, Some(Split { block, piece }))), &general);
        }

        /// A line splits into the cells `str::split` gives, whatever the delimiter, the length
        /// and the characters around it.
        #[test]
        fn cells_split_as_str_split(
            parts in prop::collection::vec("[a,\t;县万元0-9\u{80}-\u{7ff}\x00\x7f]{0,11}", 0..12),
            delimiter in prop::sample::select(vec![b',', b'\t', b';', 0u8, 0x7f]),
        ) {
            let line = parts.concat();
            let mut cells = Vec::new();
            split_cells(&line, delimiter, &mut cells);
            let expected: Vec<&str> = line.split(char::from(delimiter)).collect();
            prop_assert_eq!(cells, expected);
        }
    }

    #[test]
    fn pieces_cut_at_line_feeds() {
        let text = b"a\nbb\r\nccc\rdd\n\ne";
        let cut = pieces(text, 2, 8);
        let joined: Vec<u8> = cut.iter().flat_map(|(_, t)| t.iter().copied()).collect();
        assert_eq!(joined, text);
        assert!(cut.iter().all(|(at, t)| text[*at..].starts_with(t)));
        assert!(cut[..cut.len() - 1].iter().all(|(_, t)| t.ends_with(b"\n")));
        assert!(cut.len() > 1);
    }

    #[test]
    fn trims_as_str_trim() {
        for text in [
            "",
            " ",
            "a",
            " a ",
            "\u{3000}甲镇\u{3000}",
            "\u{a0}x",
            "x\u{85}",
            "\u{2028}",
            "\t7\r",
            "县0000",
            "238429.89万元 ",
            "\u{feff}甲镇",
            "\u{1680}x\u{205f}",
            "\u{7f}",
        ] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn plain_decimals() {
        for yes in ["0", "9.9", "-0.5", "123.450", "-7"] {
            assert!(plain_decimal(yes), "{yes}");
        }
        for no in ["", "-", ".5", "5.", "-0", "-0.0", "+1", "1e5", "１"] {
            assert!(!plain_decimal(no), "{no}");
        }
    }
}

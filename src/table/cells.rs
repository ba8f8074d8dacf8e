//! A report line's cells written into one reused buffer: the columnar fast path of
//! [`ReportLine::cells`](crate::ReportLine::cells).

use std::fmt::Write as _;

use super::Table;
use super::columns::Plain;
use super::row::NO_TARGET;
use crate::text::wording::{DOWN, FLAT, IMPLIED_NOMINAL, RECOMPUTED, UP};
use crate::{ObservationRef, Rounding, WriteOptions, kernel};

/// The seven cells of a report line (指标, 本期, 上年同期, 同比增长, 目标, 完成率, 序时进度差) in one
/// buffer that is reused line after line: what [`Table::report_cells`] writes, without a `String`
/// a cell.
///
/// # Examples
///
/// ```
/// use tongji::{ReportCells, Table, WriteOptions};
/// let csv = "地区,指标,时期,数值\n示例县,retail,2022年,110亿元\n示例县,retail,2023年,120.5亿元\n";
/// let (t, _) = Table::read_csv(csv.as_bytes())?;
/// let mut cells = ReportCells::new();
/// let o = t.iter().nth(1).unwrap();
/// t.report_cells(&o, &WriteOptions::new(), &mut cells);
/// assert_eq!(cells.get(3), "增长9.5%（推算）");
/// assert_eq!(cells.cells().join(","), "社会消费品零售总额,120.5亿元,110亿元,增长9.5%（推算）,,,");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct ReportCells {
    text: String,
    ends: [usize; 7],
    filled: usize,
    /// The cells written; the others are left empty.
    wanted: [bool; 7],
}

impl Default for ReportCells {
    fn default() -> Self {
        ReportCells::only(&[0, 1, 2, 3, 4, 5, 6])
    }
}

impl ReportCells {
    /// Empty cells.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::ReportCells::new().get(0), "");
    /// ```
    #[must_use]
    pub fn new() -> ReportCells {
        ReportCells::default()
    }

    /// Cells that write only the cells `wanted` (0 to 6) and leave the others empty, for a tool
    /// that prints some columns: the others' figures are not formatted.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{ReportCells, Table, WriteOptions};
    /// let csv = "地区,指标,时期,数值\n示例县,retail,2022年,110亿元\n示例县,retail,2023年,120.5亿元\n";
    /// let (t, _) = Table::read_csv(csv.as_bytes())?;
    /// let mut growth_only = ReportCells::only(&[3]);
    /// t.report_cells(&t.iter().nth(1).unwrap(), &WriteOptions::new(), &mut growth_only);
    /// assert_eq!(growth_only.cells(), ["", "", "", "增长9.5%（推算）", "", "", ""]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn only(wanted: &[usize]) -> ReportCells {
        let mut mask = [false; 7];
        for &i in wanted {
            if let Some(w) = mask.get_mut(i) {
                *w = true;
            }
        }
        ReportCells {
            text: String::new(),
            ends: [0; 7],
            filled: 0,
            wanted: mask,
        }
    }

    /// Whether cell `i` is written.
    fn wants(&self, i: usize) -> bool {
        self.wanted.get(i).copied().unwrap_or(false)
    }

    /// Cell `i` (0 to 6); empty when out of range.
    ///
    /// # Examples
    ///
    /// ```
    /// # let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,1亿元\n".as_bytes())?;
    /// let mut cells = tongji::ReportCells::new();
    /// t.report_cells(&t.iter().next().unwrap(), &tongji::WriteOptions::new(), &mut cells);
    /// assert_eq!((cells.get(0), cells.get(1), cells.get(9)), ("地区生产总值", "1亿元", ""));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn get(&self, i: usize) -> &str {
        if i >= self.filled {
            return "";
        }
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.text.get(start..self.ends[i]).unwrap_or("")
    }

    /// The seven cells.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::ReportCells::new().cells(), [""; 7]);
    /// ```
    #[must_use]
    pub fn cells(&self) -> [&str; 7] {
        std::array::from_fn(|i| self.get(i))
    }

    fn clear(&mut self) {
        self.text.clear();
        self.filled = 0;
    }

    /// Ends the cell being written.
    fn end(&mut self) {
        if let Some(end) = self.ends.get_mut(self.filled) {
            *end = self.text.len();
            self.filled += 1;
        }
    }

    fn push(&mut self, cell: &str) {
        self.text.push_str(cell);
        self.end();
    }
}

/// Writes the decimal `mantissa × 10^-scale` as `Decimal` displays it (every digit, a `-` for a
/// negative one). The mantissa is not zero: a zero's sign is left to `Decimal`.
fn write_decimal(out: &mut String, mantissa: i128, scale: u32) {
    if mantissa < 0 {
        out.push('-');
    }
    let magnitude = mantissa.unsigned_abs();
    if let (Ok(n), Some(unit)) = (u64::try_from(magnitude), 10u64.checked_pow(scale)) {
        push_digits(out, n / unit, 1);
        if scale > 0 {
            out.push('.');
            push_digits(out, n % unit, scale);
        }
        return;
    }
    // Wider than 64 bits: digit by digit.
    let mut digits = [0u8; 48];
    let mut at = digits.len();
    let (mut n, mut written) = (magnitude, 0);
    while n > 0 || written <= scale {
        if written == scale && scale > 0 {
            at -= 1;
            digits[at] = b'.';
        }
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        written += 1;
    }
    out.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
}

/// "0000" to "9999", four bytes each.
fn four_digits() -> &'static str {
    static TABLE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| (0..10_000).map(|n| format!("{n:04}")).collect())
}

/// Writes `n` in decimal, zero-padded to at least `least` digits, four digits at a time.
fn push_digits(out: &mut String, n: u64, least: u32) {
    let table = four_digits();
    let four = |c: u64| {
        let at = usize::try_from(c % 10_000).unwrap_or(0) * 4;
        table.get(at..at + 4).unwrap_or("0000")
    };
    let mut chunks = [0u64; 5];
    let (mut rest, mut count) = (n, 0);
    loop {
        chunks[count] = rest % 10_000;
        rest /= 10_000;
        count += 1;
        if rest == 0 {
            break;
        }
    }
    let top = chunks[count - 1];
    let top_digits = match top {
        0..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        _ => 4,
    };
    let digits = top_digits + 4 * (count as u32 - 1);
    for _ in digits..least {
        out.push('0');
    }
    out.push_str(four(top).get(4 - top_digits as usize..).unwrap_or(""));
    for &c in chunks[..count - 1].iter().rev() {
        out.push_str(four(c));
    }
}

impl Table {
    /// The cells of the report line of `observation`, exactly as
    /// [`ReportLine::cells`](crate::ReportLine::cells) of [`Table::report_line`] gives them, written
    /// into `cells`. A figure written plainly, as most are, is formatted from the table's columns
    /// and its growth computed by the integer [`kernel`]s; anything else (a target, a qualifier, a
    /// growth state) takes the report line's own path. This is what a tool that prints every line
    /// of a large table calls.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{ReportCells, Table, WriteOptions};
    /// let csv = "地区,指标,时期,数值,同比增长,目标\n甲镇,fai,2023年1—10月,47149万元,6.6,5.6亿元\n甲镇,fai,2022年1—10月,45695万元,,\n";
    /// let (t, _) = Table::read_csv(csv.as_bytes())?;
    /// let mut cells = ReportCells::new();
    /// for o in t.iter() {
    ///     t.report_cells(&o, &WriteOptions::new(), &mut cells);
    ///     assert_eq!(cells.cells().map(str::to_string), t.report_line(&o).cells(&WriteOptions::new()));
    /// }
    /// assert_eq!(cells.get(5), "84.2%"); // the last line: 2023年1—10月
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn report_cells(
        &self,
        observation: &ObservationRef<'_>,
        options: &WriteOptions,
        cells: &mut ReportCells,
    ) {
        let rounding = options.rounding_for(1);
        cells.clear();
        if let Some(i) = observation.index() {
            if self.fast_cells(i, rounding, cells) {
                return;
            }
        }
        cells.clear();
        for (i, cell) in self
            .report_line(observation)
            .cells_rounded(rounding)
            .iter()
            .enumerate()
        {
            if cells.wants(i) {
                cells.push(cell);
            } else {
                cells.end();
            }
        }
    }

    /// The cells of stored row `i` from the columns; `false` (cells half written) when the row
    /// needs the report line's path.
    fn fast_cells(&self, i: usize, rounding: Rounding, cells: &mut ReportCells) -> bool {
        let rows = &self.rows;
        let (region, indicator, period) = rows.key(i);
        let Some(current) = rows.plain(i) else {
            return false;
        };
        if !self.inserted.is_empty() || rows.target(i) != NO_TARGET {
            return false;
        }
        // The year's target applies to a year-to-date row: look only when the table has targets.
        if !self.targets.is_empty() {
            let year = (period & !0xff) | (1 << 4) | 12;
            let at = if year > period {
                self.rows.search((region, indicator, year)).ok()
            } else {
                rows.find_before(i + 1, (region, indicator, year))
            };
            if at.is_some_and(|j| rows.target(j) != NO_TARGET) {
                return false;
            }
        }
        let Ok(published) = rows.yoy_plain(i) else {
            return false;
        };
        // Last year: the same months, the year before (year 1 has none).
        let previous = match period.checked_sub(1 << 8).filter(|p| p >> 8 > 0) {
            Some(p) => match rows.find_before(i, (region, indicator, p)) {
                Some(j) => match rows.plain(j) {
                    Some(prev) => Some(prev),
                    None => return false,
                },
                None => None,
            },
            None => None,
        };
        let ind = self.catalog.at(indicator as usize);
        if cells.wants(0) {
            cells.text.push_str(ind.name());
        }
        cells.end();
        if cells.wants(1) {
            write_figure(cells, rows.suffix(current.unit), current);
        }
        cells.end();
        if let (Some(p), true) = (previous, cells.wants(2)) {
            write_figure(cells, rows.suffix(p.unit), p);
        }
        cells.end();
        if !cells.wants(3) {
            cells.end();
        } else {
            match (published, previous) {
                (Some((m, s)), _) => {
                    write_change(&mut cells.text, i128::from(m), s);
                    if m != 0 {
                        cells.text.push('%');
                    }
                }
                (None, Some(prev)) => {
                    let Some(g) = kernel::growth_scaled(
                        i128::from(current.base),
                        current.base_scale,
                        i128::from(prev.base),
                        prev.base_scale,
                        rounding,
                    ) else {
                        // A growth state (the base not positive), or beyond the integer range.
                        return false;
                    };
                    write_change(&mut cells.text, g, rounding.places());
                    if g != 0 {
                        cells.text.push('%');
                    }
                    cells.text.push_str(if ind.growth_from_levels() {
                        RECOMPUTED
                    } else {
                        IMPLIED_NOMINAL
                    });
                }
                (None, None) => {}
            }
            cells.end();
        }
        // No target: no 目标, 完成率 or 序时进度差.
        cells.end();
        cells.end();
        cells.end();
        true
    }
}

/// A figure as its Display writes a plain written one: the value's digits, then magnitude and
/// unit. A zero goes through `Decimal`, which owns the sign of zero.
fn write_figure(cells: &mut ReportCells, suffix: &str, figure: Plain) {
    if figure.value == 0 {
        let zero = rust_decimal::Decimal::new(0, figure.scale);
        let _ = write!(cells.text, "{zero}");
    } else {
        write_decimal(&mut cells.text, i128::from(figure.value), figure.scale);
    }
    cells.text.push_str(suffix);
}

/// "增长X" / "下降X" / "持平" for a rate of `mantissa` at `scale` as it shows (the `%` is the
/// caller's, and there is none after 持平).
fn write_change(out: &mut String, mantissa: i128, scale: u32) {
    match mantissa.signum() {
        0 => out.push_str(FLAT),
        -1 => {
            out.push_str(DOWN);
            write_decimal(out, -mantissa, scale);
        }
        _ => {
            out.push_str(UP);
            write_decimal(out, mantissa, scale);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_as_decimal_displays_them() {
        for (m, scale) in [
            (1i128, 0u32),
            (7, 3),
            (-5, 1),
            (10, 1),
            (9_999, 0),
            (10_000, 0),
            (12_340_000, 4),
            (23_842_989, 2),
            (-99_999_999_999, 6),
            (i128::from(u64::MAX), 0),
            (i128::from(u64::MAX), 19),
            (79_228_162_514_264_337_593_543_950_335, 5),
            (1, 28),
            (-123_456_789_012_345_678_901_234_567, 10),
        ] {
            let mut out = String::new();
            write_decimal(&mut out, m, scale);
            assert_eq!(
                out,
                rust_decimal::Decimal::from_i128_with_scale(m, scale).to_string(),
                "{m} {scale}"
            );
        }
    }
}

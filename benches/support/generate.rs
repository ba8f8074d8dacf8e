//! Generated observation CSV for the CSV bench and the `load_csv` example: regions × 10 money
//! indicators × 100 months (2015—2024, 1—10月 each year), a published rate on every third row.

use std::io::Write;

const INDICATORS: [&str; 10] = [
    "地区生产总值",
    "社会消费品零售总额",
    "一般公共预算收入",
    "大口径财政收入",
    "一般公共预算支出",
    "民生支出",
    "旅游收入",
    "招商引资到位资金",
    "固定资产投资",
    "工业增加值",
];

/// Writes a header and `rows` observations to `w`.
pub(crate) fn write_rows<W: Write>(w: W, rows: usize) -> std::io::Result<()> {
    write_figures(w, rows, false)
}

/// Writes a header and `rows` observations to `w`: figures of eight digits in 万元, or — with
/// `few_digits`, as county tables print them — 亿元 at one place from 10.0 to 999.9, whose
/// 同比增长 fall exactly on an x.x5 tie about once in a thousand rows.
pub(crate) fn write_figures<W: Write>(
    mut w: W,
    rows: usize,
    few_digits: bool,
) -> std::io::Result<()> {
    writeln!(w, "地区,指标,时期,数值,同比增长")?;
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..rows {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let region = i / 1000;
        let indicator = INDICATORS[(i / 100) % 10];
        let (year, month) = (2015 + (i % 100) / 10, 1 + i % 10);
        write!(w, "县{region:04},{indicator},{year}年{month}月,")?;
        if few_digits {
            let value = 100 + state % 9_900;
            write!(w, "{}.{}亿元,", value / 10, value % 10)?;
        } else {
            let value = state % 100_000_000;
            write!(w, "{}.{:02}万元,", value / 100, value % 100)?;
        }
        if i % 3 == 0 {
            write!(w, "{}.{}", state % 20, state % 10)?;
        }
        writeln!(w)?;
    }
    w.flush()
}

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
pub(crate) fn write_rows<W: Write>(mut w: W, rows: usize) -> std::io::Result<()> {
    writeln!(w, "地区,指标,时期,数值,同比增长")?;
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..rows {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let region = i / 1000;
        let indicator = INDICATORS[(i / 100) % 10];
        let (year, month) = (2015 + (i % 100) / 10, 1 + i % 10);
        let value = state % 100_000_000;
        write!(
            w,
            "县{region:04},{indicator},{year}年{month}月,{}.{:02}万元,",
            value / 100,
            value % 100
        )?;
        if i % 3 == 0 {
            write!(w, "{}.{}", state % 20, state % 10)?;
        }
        writeln!(w)?;
    }
    w.flush()
}

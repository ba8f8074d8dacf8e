//! NBS-style sentences from a table: "1—10月，XX县固定资产投资完成4.71亿元，同比增长6.6%，完成年度
//! 目标的84.2%，快于序时进度0.9个百分点。"

use super::Table;
use crate::{Error, IndicatorKind, Magnitude, Period, Quantity, Result, Rounding, Status, Unit};

/// How a money figure is printed in a sentence: from 1亿元 up in 亿元 at two places, below it in 万元
/// as an integer, as county reports print them; other figures as written.
fn shown(q: &Quantity) -> Result<String> {
    if !q.unit().numerator_is_money() || q.unit().is_ratio() || q.unit() != Unit::YUAN {
        return Ok(q.to_string());
    }
    let yi = q.to_magnitude(Magnitude::HundredMillion)?;
    if yi.value().abs() >= rust_decimal::Decimal::ONE {
        return Ok(yi.rounded(Rounding::new(2))?.to_string());
    }
    let wan = q.to_magnitude(Magnitude::TenThousand)?;
    Ok(wan.rounded(Rounding::new(0))?.to_string())
}

/// The period as a sentence opens with it: without the year ("1—10月", "前三季度"), "全年" for a
/// year.
fn opening(p: &Period) -> String {
    let full = p.to_string();
    match full.split_once('年') {
        Some((_, "")) | None => "全年".to_string(),
        Some((_, rest)) => rest.to_string(),
    }
}

impl Table {
    /// The sentence a report prints for one indicator: the period, the region and indicator, the
    /// level (预计 for an estimated figure; 亿元 at two places from 1亿元 up, 万元 as an integer
    /// below), 同比 growth (published, or recomputed where the catalog allows), 完成年度目标的 X%,
    /// and 快于/慢于序时进度 — or, for a whole year, 超额完成 / 未完成年度目标.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::NotFound`] when the table has no such figure; conversion errors of a
    /// figure that cannot be shown in 亿元 or 万元.
    ///
    /// # Examples
    ///
    /// ```
    /// let csv = "地区,指标,时期,数值,同比增长,目标\n全县,fai,2023年1—10月,47149万元,6.6,5.6亿元\n全县,budget_revenue,2023年1—10月,6739万元,5.1,8500万元\n全县,tourism_revenue,2023年1—10月,27.9亿元,,\n全县,tourism_revenue,2022年1—10月,10亿元,,\n";
    /// let (t, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// let p = "2023年1—10月".parse()?;
    /// assert_eq!(t.sentence("全县", "fai", &p)?, "1—10月，全县固定资产投资完成4.71亿元，同比增长6.6%，完成年度目标的84.2%，快于序时进度0.9个百分点。");
    /// assert_eq!(t.sentence("全县", "budget_revenue", &p)?, "1—10月，全县一般公共预算收入完成6739万元，同比增长5.1%，完成年度目标的79.3%，慢于序时进度4.0个百分点。");
    /// assert_eq!(t.sentence("全县", "tourism_revenue", &p)?, "1—10月，全县旅游收入完成27.90亿元，同比增长1.79倍。");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[doc(alias = "写报告")]
    #[doc(alias = "生成文字")]
    pub fn sentence(&self, region: &str, indicator: &str, period: &Period) -> Result<String> {
        let o = self
            .get(region, indicator, period)
            .ok_or_else(|| Error::not_found(format_args!("{indicator} of {region} in {period}")))?;
        let ind = o.indicator();
        let verb = match (o.status(), ind.kind()) {
            (Status::Estimated, _) => "预计完成",
            (_, IndicatorKind::Stock) => "达到",
            (_, IndicatorKind::PerCapita) => "达到",
            // 生产总值 and 增加值 are 实现, as the statistics bureau writes them.
            _ if ind.name().contains("生产总值") || ind.name().contains("增加值") => "实现",
            _ => "完成",
        };
        let mut s = format!(
            "{}，{}{}{verb}{}",
            opening(period),
            region.trim(),
            ind.name(),
            shown(&o.value())?
        );
        if let Ok(g) = self.growth(region, indicator, period) {
            s.push_str("，同比");
            // From 100% up, growth is written in 倍 ("增长1.79倍").
            s.push_str(&g.to_text(&crate::GrowthFormat::new().multiples(true)));
        }
        if let Ok(c) = self.completion(region, indicator, period) {
            let full_year = period.months() == (1, 12);
            let printed = c.rounded(Rounding::new(1));
            if full_year && printed.percent() >= rust_decimal::Decimal::ONE_HUNDRED {
                s.push_str(&format!("，超额完成年度目标，完成率{printed}"));
            } else if full_year {
                s.push_str(&format!("，完成年度目标的{printed}，未完成年度目标"));
            } else {
                s.push_str(&format!("，完成年度目标的{printed}"));
                if let Ok(gap) = self.schedule_gap(region, indicator, period) {
                    s.push_str(&format!("，{gap}"));
                }
            }
        }
        s.push('。');
        Ok(s)
    }

    /// The sentences of every indicator the table has for `region` and `period`, in catalog
    /// order, and the 三次产业结构 when the three sectors are there: a report section.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::NotFound`] when the table has nothing for them.
    ///
    /// # Examples
    ///
    /// ```
    /// let csv = "地区,指标,时期,数值,目标\n全县,retail,2023年,23.4亿元,22亿元\n全县,retail,2022年,21.6亿元,\n";
    /// let (t, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// assert_eq!(t.section("全县", &"2023年".parse()?)?, "全年，全县社会消费品零售总额完成23.40亿元，同比增长8.3%，超额完成年度目标，完成率106.4%。");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn section(&self, region: &str, period: &Period) -> Result<String> {
        let report = self.report(region, period)?;
        let mut out = String::new();
        for line in report.lines() {
            out.push_str(&self.sentence(region, line.indicator().code(), period)?);
        }
        // 三次产业结构, when the three sectors of an indicator whose parts are complete are there.
        for whole in self.catalog().iter().filter(|w| w.parts_complete()) {
            let children: Vec<_> = self
                .catalog()
                .iter()
                .filter(|c| c.parent() == Some(whole.code()))
                .collect();
            if children.len() != 3 || !children.iter().all(|c| c.name().contains("产业")) {
                continue;
            }
            let parts: Option<Vec<Quantity>> = children
                .iter()
                .map(|c| self.get(region, c.code(), period).map(|o| o.value()))
                .collect();
            if let Some(parts) = parts {
                // 分别: the three growths in one sentence, as releases write them.
                let growths: Option<Vec<String>> = children
                    .iter()
                    .map(|c| {
                        self.growth(region, c.code(), period)
                            .ok()
                            .map(|g| g.to_string())
                    })
                    .collect();
                if let Some(g) = growths {
                    let rising = g.iter().all(|t| t.starts_with("增长"));
                    if rising {
                        let rates: Vec<&str> =
                            g.iter().map(|t| t.trim_start_matches("增长")).collect();
                        out.push_str(&format!(
                            "第一、二、三产业增加值分别增长{}、{}和{}。",
                            rates[0], rates[1], rates[2]
                        ));
                    } else {
                        out.push_str(&format!(
                            "第一、二、三产业增加值分别{}、{}和{}。",
                            g[0], g[1], g[2]
                        ));
                    }
                }
                if let Ok(s) = crate::structure(&parts) {
                    out.push_str(&format!("三次产业结构为{s}。"));
                }
            }
        }
        Ok(out)
    }
}

//! Roll-ups: regions to a parent region, months to 1—N月 and quarters, and 当月 from 累计.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::Table;
use super::row::Row;
use crate::indicator::ranges;
use crate::value::precision::Precision;
use crate::{Error, IndicatorKind, Observation, Period, Quantity, Result, Status};

/// Options for [`Table::roll_up`].
///
/// # Examples
///
/// ```
/// use tongji::{RollUp, Table};
/// let csv = "地区,指标,时期,数值\n甲镇,retail,2023年,1.2亿元\n乙乡,retail,2023年,8000万元\n";
/// let (t, _) = Table::read_csv(csv.as_bytes())?;
/// let up = t.roll_up("乡镇合计", &["甲镇", "乙乡"], RollUp::new())?;
/// assert_eq!(up[0].value(), "2亿元".parse()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RollUp {
    accept_partial: bool,
}

impl RollUp {
    /// A missing child makes the parent missing (the default).
    ///
    /// # Examples
    ///
    /// ```
    /// # use tongji::{RollUp, Table};
    /// # let csv = "地区,指标,时期,数值\n甲镇,retail,2023年,1.2亿元\n乙乡,retail,2023年,8000万元\n甲镇,retail,2022年,1.1亿元\n";
    /// # let (t, _) = Table::read_csv(csv.as_bytes())?;
    /// // 乙乡 has no 2022年 figure: the county's 2022年 is missing, not understated.
    /// let up = t.roll_up("全县", &["甲镇", "乙乡"], RollUp::new())?;
    /// assert_eq!(up.len(), 1);
    /// assert_eq!(up[0].period().to_string(), "2023年");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn new() -> RollUp {
        RollUp {
            accept_partial: false,
        }
    }

    /// Sum what is there when a child is missing, and mark the result partial.
    ///
    /// # Examples
    ///
    /// ```
    /// # use tongji::{RollUp, Table};
    /// # let csv = "地区,指标,时期,数值\n甲镇,retail,2023年,1.2亿元\n乙乡,retail,2023年,8000万元\n甲镇,retail,2022年,1.1亿元\n";
    /// # let (t, _) = Table::read_csv(csv.as_bytes())?;
    /// let up = t.roll_up("全县", &["甲镇", "乙乡"], RollUp::new().accept_partial(true))?;
    /// let y2022 = up.iter().find(|o| o.period().calendar_year() == 2022).unwrap();
    /// assert!(y2022.is_partial());
    /// assert_eq!(y2022.value().to_string(), "1.1亿元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn accept_partial(self, yes: bool) -> RollUp {
        RollUp {
            accept_partial: yes,
        }
    }

    /// Whether partial sums are accepted.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::RollUp;
    /// assert!(!RollUp::default().is_partial_accepted()); // a missing child makes the parent missing
    /// assert!(RollUp::new().accept_partial(true).is_partial_accepted());
    /// ```
    #[must_use]
    pub const fn is_partial_accepted(&self) -> bool {
        self.accept_partial
    }
}

/// The status of a combination: the common one, or 预计 when they differ.
fn combined_status(rows: &[&Row]) -> Status {
    let first = rows.first().map_or(Status::Actual, |r| r.status);
    if rows.iter().all(|r| r.status == first) {
        first
    } else {
        Status::Estimated
    }
}

fn sum_values<'a>(values: impl IntoIterator<Item = &'a Quantity>) -> Result<Option<Quantity>> {
    Quantity::checked_sum(values)
}

impl Table {
    /// The regions that are parts, not totals: every region but a totals row (合计, 总计, 总数,
    /// 全县, 全市 …) and, when the table also has townships (镇, 乡, 街道), its one county-level
    /// region (县, 旗, 市, 区) — the regions to [`Table::roll_up`] into a whole without counting
    /// any figure twice. In the table's region order.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{RollUp, Table};
    /// let csv = "地区,指标,时期,数值\n甲镇,retail,2023年,1.00亿元\n乙镇,retail,2023年,2.00亿元\n合计,retail,2023年,4.00亿元\n";
    /// let (t, _) = Table::read_csv(csv.as_bytes())?;
    /// assert_eq!(t.part_regions(), ["甲镇", "乙镇"]);
    /// let up = t.roll_up("全县", &t.part_regions(), RollUp::new())?;
    /// assert_eq!(up[0].value().to_string(), "3.00亿元"); // not 7亿元: 合计 is not a part
    /// assert!(t.roll_up("全县", &["甲镇", "合计"], RollUp::new()).is_err());
    /// // The audit checks the 合计 row against its parts.
    /// assert_eq!(t.audit().count(tongji::audit::Verdict::Inconsistent), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn part_regions(&self) -> Vec<&str> {
        let names: Vec<&str> = self.regions().collect();
        let townships = names.iter().any(|n| super::audit::is_township(n));
        let counties: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| super::audit::is_county_level(n))
            .collect();
        let county = match counties[..] {
            [one] if townships => Some(one),
            _ => None,
        };
        names
            .into_iter()
            .filter(|n| !super::audit::is_total(n) && Some(*n) != county)
            .collect()
    }

    fn known_region(&self, region: &str) -> Result<u32> {
        self.region_id(region).ok_or_else(|| {
            Error::not_found(format_args!("region {:?} in the table", region.trim()))
        })
    }

    /// Rolls the `children` regions up into `parent`: flows and stocks summed exactly; per-capita
    /// and ratio indicators recomputed from their components with the catalog's weights
    /// (Σ value × weight / Σ weight — never a plain average). Published growth rates are not
    /// combined (they are at comparable prices); recompute the parent's growth from its levels
    /// where the catalog allows. A child missing for an indicator and period makes the parent
    /// missing there, unless [`RollUp::accept_partial`], which marks the sum partial. Targets are
    /// summed when every child has one.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::NotFound`] for a child region the table does not have;
    /// [`crate::ErrorKind::Duplicate`] for a child named twice; [`crate::ErrorKind::OutOfRange`]
    /// for a totals row (合计, 总计, 全县 …) named as a child; [`crate::ErrorKind::Overflow`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{RollUp, Table};
    /// let csv = "地区,指标,时期,数值\n甲镇,retail,2023年,1.2亿元\n乙乡,retail,2023年,8000万元\n";
    /// let (t, _) = Table::read_csv(csv.as_bytes())?;
    /// let up = t.roll_up("乡镇合计", &["甲镇", "乙乡"], RollUp::new())?;
    /// assert_eq!(up[0].value().to_string(), "2.0000亿元"); // 8000万元 is precise to 1万元
    /// assert_eq!(up[0].value(), "2亿元".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[doc(alias = "汇总")]
    #[doc(alias = "乡镇汇总")]
    pub fn roll_up(
        &self,
        parent: &str,
        children: &[&str],
        options: RollUp,
    ) -> Result<Vec<Observation>> {
        if let Some(total) = children.iter().find(|c| super::audit::is_total(c)) {
            return Err(Error::out_of_range(
                "child region",
                total.trim(),
                "a part: a totals row (合计, 总计, 全县 …) is the sum of the others and would be counted twice",
            ));
        }
        let ids = children
            .iter()
            .map(|c| self.known_region(c))
            .collect::<Result<Vec<_>>>()?;
        let mut set = std::collections::HashSet::with_capacity(ids.len());
        if let Some((_, twice)) = ids.iter().zip(children).find(|(id, _)| !set.insert(**id)) {
            return Err(Error::duplicate(
                format_args!("child region {:?}", twice.trim()),
                None,
            ));
        }
        let mut groups: BTreeMap<(u32, Period), Vec<Row>> = BTreeMap::new();
        for row in self.rows().filter(|r| set.contains(&r.region)) {
            groups
                .entry((row.indicator, row.period))
                .or_default()
                .push(row);
        }
        let mut out = Vec::new();
        for ((indicator, period), owned) in groups {
            let rows: Vec<&Row> = owned.iter().collect();
            let ind = self.catalog.at(indicator as usize);
            let rolled = match ind.kind() {
                IndicatorKind::Flow | IndicatorKind::Stock => Some(self.sum_rows(&rows)?),
                _ => self.weighted_rows(ind.weight(), period, &rows)?,
            };
            let Some((value, used)) = rolled else {
                continue;
            };
            let partial = used.len() < ids.len();
            if partial && !options.accept_partial {
                continue;
            }
            let mut o = Observation::new(parent, ind.code(), period, value)
                .with_status(combined_status(&used))
                .with_partial(partial);
            let targets: Vec<Quantity> = used
                .iter()
                .filter_map(|r| self.target_at(r.target))
                .collect();
            if !partial && targets.len() == used.len() {
                if let Some(t) = sum_values(&targets)? {
                    o = o.with_target(t);
                }
            }
            out.push(o);
        }
        Ok(out)
    }

    fn sum_rows<'a>(&self, rows: &[&'a Row]) -> Result<(Quantity, Vec<&'a Row>)> {
        let total = sum_values(rows.iter().map(|r| &r.value))?
            .ok_or_else(|| Error::empty("the list of children"))?;
        Ok((total, rows.to_vec()))
    }

    /// Σ value × weight / Σ weight over the rows that have a weight; `None` without a weight
    /// indicator or when no child has both.
    fn weighted_rows<'a>(
        &self,
        weight: Option<&str>,
        period: Period,
        rows: &[&'a Row],
    ) -> Result<Option<(Quantity, Vec<&'a Row>)>> {
        let Some(weight) = weight.and_then(|w| self.indicator_index(w).ok()) else {
            return Ok(None);
        };
        let overflow = || Error::overflow("weighted roll-up");
        let (mut num, mut den) = (Decimal::ZERO, Decimal::ZERO);
        let mut used = Vec::new();
        let mut weights = Vec::new();
        for row in rows {
            let Some(w) = self.find((row.region, weight, period)).map(|r| r.value) else {
                continue;
            };
            num = num
                .checked_add(
                    row.value
                        .base_value()
                        .checked_mul(w.base_value())
                        .ok_or_else(overflow)?,
                )
                .ok_or_else(overflow)?;
            den = den.checked_add(w.base_value()).ok_or_else(overflow)?;
            used.push(*row);
            weights.push(w);
        }
        let Some(first) = used.first() else {
            return Ok(None);
        };
        if den.is_zero() {
            return Ok(None);
        }
        let value = num.checked_div(den).ok_or_else(overflow)?;
        let unit = first.value.unit().base();
        // A weighted level displays at its operands' places (in the base unit).
        let places = used
            .iter()
            .map(|r| {
                let shift = r.value.magnitude().exponent();
                (r.value.value().scale() as i32 - shift).max(0)
            })
            .max()
            .unwrap_or(0);
        let places = u8::try_from(places).unwrap_or(u8::MAX);
        // Σ v × w / Σ w over the intervals (w enters twice: an enclosure, not the exact range).
        let exact =
            used.iter().all(|r| r.value.is_exact()) && weights.iter().all(Quantity::is_exact);
        let precision = Precision::derived(exact, || {
            let mut products = Vec::with_capacity(used.len());
            for (r, w) in used.iter().zip(&weights) {
                products.push(r.value.interval().checked_mul(&w.interval())?);
            }
            let weights: Vec<_> = weights.iter().map(Quantity::interval).collect();
            ranges::ratio(&ranges::sum(&products)?, &ranges::sum(&weights)?)
        });
        Ok(Some((
            Quantity::computed(value, unit, places, precision)?,
            used,
        )))
    }

    fn flow_rows(
        &self,
        region: &str,
        indicator: &str,
        year: i32,
    ) -> Result<(u32, u32, BTreeMap<Period, Row>)> {
        let ind = self.indicator_index(indicator)?;
        let entry = self.catalog.at(ind as usize);
        if entry.kind() != IndicatorKind::Flow {
            return Err(Error::wrong_indicator_kind(
                entry.name(),
                "a flow (only flows are summed over months)",
            ));
        }
        let reg = self.known_region(region)?;
        let rows = self
            .rows()
            .filter(|r| r.region == reg && r.indicator == ind && r.period.calendar_year() == year)
            .map(|r| (r.period, r))
            .collect();
        Ok((reg, ind, rows))
    }

    /// 累计 from single months: 1—m月 for every m up to the first missing month, and the quarters
    /// whose months are all there. January and February released together as 1—2月 are used as
    /// such. Only flows are summed over months.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::WrongIndicatorKind`] for an indicator that is not a flow;
    /// [`crate::ErrorKind::NotFound`] for an unknown region; [`crate::ErrorKind::Overflow`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Table;
    /// let csv = "地区,指标,时期,数值\n示例县,retail,2023年1—2月,2.1亿元\n示例县,retail,2023年3月,1.1亿元\n";
    /// let (t, _) = Table::read_csv(csv.as_bytes())?;
    /// let c = t.cumulate("示例县", "retail", 2023)?;
    /// let shown: Vec<String> = c.iter().map(|o| format!("{} {}", o.period(), o.value())).collect();
    /// assert_eq!(shown, ["2023年1—3月 3.2亿元", "2023年一季度 3.2亿元"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[doc(alias = "累计")]
    pub fn cumulate(&self, region: &str, indicator: &str, year: i32) -> Result<Vec<Observation>> {
        let (_, ind, rows) = self.flow_rows(region, indicator, year)?;
        let code = self.catalog.at(ind as usize).code().to_string();
        let month = |m: u8| Period::month(year, m).ok().and_then(|p| rows.get(&p));
        let jan_feb = Period::year_to_month(year, 2)
            .ok()
            .and_then(|p| rows.get(&p));
        let add = |a: Option<(Quantity, Vec<Row>)>,
                   r: Option<&Row>|
         -> Result<Option<(Quantity, Vec<Row>)>> {
            match (a, r) {
                (Some((q, mut used)), Some(r)) => {
                    used.push(*r);
                    Ok(Some((q.checked_add(&r.value)?, used)))
                }
                _ => Ok(None),
            }
        };
        let mut out = Vec::new();
        let emit = |out: &mut Vec<Observation>,
                    period: Period,
                    (value, used): &(Quantity, Vec<Row>)| {
            let refs: Vec<&Row> = used.iter().collect();
            out.push(
                Observation::new(region, &code, period, *value).with_status(combined_status(&refs)),
            );
        };
        // The first two months: Jan + Feb, or the combined 1—2月.
        let mut acc = match (month(1), month(2), jan_feb) {
            (Some(j), Some(f), _) => add(Some((j.value, vec![*j])), Some(f))?,
            (_, _, Some(jf)) => Some((jf.value, vec![*jf])),
            _ => None,
        };
        let q1_head = acc.clone();
        if let Some(a) = &acc {
            if jan_feb.is_none() {
                emit(&mut out, Period::year_to_month(year, 2)?, a);
            }
        }
        for m in 3..=12 {
            acc = add(acc, month(m))?;
            match &acc {
                Some(a) => emit(&mut out, Period::year_to_month(year, m)?, a),
                None => break,
            }
        }
        for q in 1..=4u8 {
            let first = (q - 1) * 3 + 1;
            let head = if q == 1 {
                q1_head.clone()
            } else {
                add(month(first).map(|r| (r.value, vec![*r])), month(first + 1))?
            };
            if let Some(sum) = add(head, month(first + 2))? {
                emit(&mut out, Period::quarter(year, q)?, &sum);
            }
        }
        Ok(out)
    }

    /// 当月 = 累计 − 上月累计: single months from year-to-date figures, for every month whose
    /// previous year-to-date figure is there. February needs January's figure: when only 1—2月 is
    /// published, the two months stay together.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::WrongIndicatorKind`] for an indicator that is not a flow;
    /// [`crate::ErrorKind::NotFound`] for an unknown region; [`crate::ErrorKind::Overflow`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Table;
    /// let csv = "地区,指标,时期,数值\n示例县,retail,2023年1—9月,9.6亿元\n示例县,retail,2023年1—10月,10.8亿元\n";
    /// let (t, _) = Table::read_csv(csv.as_bytes())?;
    /// let m = t.monthly_from_cumulative("示例县", "retail", 2023)?;
    /// assert_eq!(format!("{} {}", m[0].period(), m[0].value()), "2023年10月 1.2亿元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[doc(alias = "当月")]
    #[doc(alias = "当月值")]
    pub fn monthly_from_cumulative(
        &self,
        region: &str,
        indicator: &str,
        year: i32,
    ) -> Result<Vec<Observation>> {
        let (_, ind, rows) = self.flow_rows(region, indicator, year)?;
        let code = self.catalog.at(ind as usize).code().to_string();
        let cum = |m: u8| {
            Period::year_to_month(year, m)
                .ok()
                .and_then(|p| rows.get(&p))
        };
        let mut out = Vec::new();
        for m in 2..=12 {
            if let (Some(now), Some(before)) = (cum(m), cum(m - 1)) {
                let value = now.value.checked_sub(&before.value)?;
                out.push(
                    Observation::new(region, &code, Period::month(year, m)?, value)
                        .with_status(combined_status(&[now, before])),
                );
            }
        }
        Ok(out)
    }
}

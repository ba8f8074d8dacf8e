//! Templates: any text parses; filled from a table and a ledger without panic; a filled text is
//! the template with placeholders replaced, so every unfilled placeholder is still in it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tongji::text::Template;
use tongji::{Ledger, Table};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(template) = Template::parse(input) else {
        return;
    };
    let csv = "地区,指标,时期,数值,同比增长,目标\n全县,fai,2023年1—10月,46596万元,8.1,4.4亿元\n全县,fai,2022年1—10月,43100万元,,\n";
    let (table, _) = Table::read_csv(csv.as_bytes()).expect("the fixed table reads");
    let filled = template.fill(&table, "全县");
    for (p, _) in filled.unfilled() {
        assert!(filled.text().contains(p.text()), "unfilled {:?} is gone", p.text());
    }
    let _ = template.fill_ledger(&Ledger::new());
});

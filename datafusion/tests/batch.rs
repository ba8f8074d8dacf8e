//! A table as Arrow record batches (and Parquet) and back: every figure with its written digits,
//! every published growth, status and target as it was; what a number column cannot hold is an
//! error, not a changed figure.

use std::sync::Arc;

use datafusion::arrow::array::RecordBatch;
use datafusion::arrow::datatypes::DataType;
use datafusion::parquet::arrow::ArrowWriter;
use datafusion::parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use proptest::prelude::*;
use tongji::proptest::{CsvParams, QuantityParams, long_csvs, quantities};
use tongji::{Observation, Period, Table, WriteOptions};
use tongji_datafusion::{from_record_batches, to_record_batch};

const COUNTY: &[u8] = include_bytes!("../../examples/data/county.csv");

/// The table as CSV, every digit (what must survive the trip).
fn csv(t: &Table) -> String {
    let mut out = Vec::new();
    t.write_csv(&mut out, &WriteOptions::new().exact(true))
        .unwrap();
    String::from_utf8(out).unwrap()
}

fn through_parquet(batch: &RecordBatch) -> Vec<RecordBatch> {
    let mut bytes = Vec::new();
    let mut w = ArrowWriter::try_new(&mut bytes, batch.schema(), None).unwrap();
    w.write(batch).unwrap();
    w.close().unwrap();
    ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(bytes))
        .unwrap()
        .build()
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn the_county_data_goes_to_arrow_and_parquet_and_back_unchanged() {
    let (table, _) = Table::read_csv(COUNTY).unwrap();
    let batch = to_record_batch(&table).unwrap();
    assert_eq!(batch.num_rows(), table.len());
    assert!(matches!(
        batch
            .schema()
            .field_with_name("region")
            .unwrap()
            .data_type(),
        DataType::Dictionary(..)
    ));
    assert!(matches!(
        batch.schema().field_with_name("value").unwrap().data_type(),
        DataType::Decimal128(38, _)
    ));
    let back = from_record_batches(std::slice::from_ref(&batch)).unwrap();
    assert_eq!(csv(&back), csv(&table));
    let back = from_record_batches(&through_parquet(&batch)).unwrap();
    assert_eq!(csv(&back), csv(&table));
    // The growth the report computes is the same on the table that came back.
    let p: Period = "2023年1—10月".parse().unwrap();
    let (a, b) = (
        table.report("示例县", &p).unwrap(),
        back.report("示例县", &p).unwrap(),
    );
    assert_eq!(a.to_string(), b.to_string());
}

#[test]
fn what_a_number_column_cannot_hold_is_an_error() {
    let csv = "地区,指标,时期,数值\n甲县,retail,2023年,约3亿元\n";
    let (t, _) = Table::read_csv(csv.as_bytes()).unwrap();
    let e = to_record_batch(&t).unwrap_err().to_string();
    assert!(
        e.contains("约3亿元") && e.contains("not a plain figure"),
        "{e}"
    );
    // A batch without a unit column, and one whose value has digits past its places.
    let (t, _) = Table::read_csv(
        "地区,指标,时期,数值\n甲县,retail,2023年,3.25亿元\n乙县,retail,2023年,3亿元\n".as_bytes(),
    )
    .unwrap();
    let batch = to_record_batch(&t).unwrap();
    let unitless = batch.project(&[0, 1, 2, 3]).unwrap();
    let e = from_record_batches(&[unitless]).unwrap_err().to_string();
    assert!(e.contains("\"unit\""), "{e}");
    let mut columns = batch.columns().to_vec();
    columns[4] = Arc::new(datafusion::arrow::array::UInt8Array::from(vec![1u8, 0]));
    let cut = RecordBatch::try_new(batch.schema(), columns).unwrap();
    let e = from_record_batches(&[cut]).unwrap_err().to_string();
    assert!(e.contains("3.25 has digits beyond its 1 places"), "{e}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(0u32).max(10_000)
    ))]

    /// Any long CSV's table comes back from Arrow as it went.
    #[test]
    fn tables_round_trip(text in long_csvs(CsvParams::default())) {
        let (table, bad) = Table::read_csv(text.as_bytes()).unwrap();
        prop_assert!(bad.is_empty());
        let back = from_record_batches(&[to_record_batch(&table).unwrap()]).unwrap();
        prop_assert_eq!(csv(&back), csv(&table));
    }

    /// Any figure, in any magnitude and unit, at any places, comes back with its digits and its
    /// precision; figures of different places share one column.
    #[test]
    fn figures_round_trip(a in quantities(QuantityParams::default()), b in quantities(QuantityParams::default())) {
        let p: Period = "2023年".parse().unwrap();
        let t = Table::from_observations([
            Observation::new("甲县", "自定义甲", p, a),
            Observation::new("甲县", "自定义乙", p, b),
        ]).unwrap();
        let back = from_record_batches(&[to_record_batch(&t).unwrap()]).unwrap();
        for (x, y) in t.iter().zip(back.iter()) {
            prop_assert_eq!(x.value().to_string(), y.value().to_string());
            prop_assert_eq!(x.value().precision(), y.value().precision());
            prop_assert_eq!(x.value(), y.value());
        }
    }
}

//! Input encodings: UTF-8 with or without a BOM, and — with the `gbk` feature — GBK/GB18030 as
//! Excel and WPS export it on Chinese Windows.

use std::io::{Cursor, Read};

use crate::{Error, Result};

/// How many bytes are looked at to tell UTF-8 from GB18030.
const SNIFF: usize = 64 * 1024;

/// A reader of UTF-8 text without a BOM. The first bytes decide: valid UTF-8 (a sequence cut at
/// the end of the sample does not count against it) is read as is; anything else is decoded as
/// GB18030 when the `gbk` feature is on, and left to fail row by row otherwise.
pub(crate) fn utf8_reader<'r, R: Read + 'r>(mut reader: R) -> Result<Box<dyn Read + 'r>> {
    let mut head = Vec::with_capacity(SNIFF);
    (&mut reader)
        .take(SNIFF as u64)
        .read_to_end(&mut head)
        .map_err(Error::io)?;
    if head.starts_with(b"\xEF\xBB\xBF") {
        head.drain(..3);
        return Ok(Box::new(Cursor::new(head).chain(reader)));
    }
    let is_utf8 = match std::str::from_utf8(&head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    };
    if is_utf8 {
        return Ok(Box::new(Cursor::new(head).chain(reader)));
    }
    gb18030(Cursor::new(head).chain(reader))
}

#[cfg(feature = "gbk")]
fn gb18030<'r, R: Read + 'r>(reader: R) -> Result<Box<dyn Read + 'r>> {
    Ok(Box::new(
        encoding_rs_io::DecodeReaderBytesBuilder::new()
            .encoding(Some(encoding_rs::GB18030))
            .build(reader),
    ))
}

#[cfg(not(feature = "gbk"))]
fn gb18030<'r, R: Read + 'r>(reader: R) -> Result<Box<dyn Read + 'r>> {
    Ok(Box::new(reader))
}

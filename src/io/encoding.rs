//! Input encodings: UTF-8 with or without a BOM, and — with the `gbk` feature — GBK/GB18030 as
//! Excel and WPS export it on Chinese Windows, and UTF-16 with a BOM (Excel's "Unicode text").

use std::io::{Cursor, Read};

use crate::{Error, Result};

/// How many bytes are looked at to tell UTF-8 from GB18030.
const SNIFF: usize = 64 * 1024;

/// How the input is decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decoding {
    /// UTF-8 as it is; a bad byte makes its record a bad row.
    Utf8,
    /// GB18030 (a superset of GBK), decoded to UTF-8; a byte that is not GB18030 becomes U+FFFD,
    /// which the reader reports as a bad row.
    #[cfg(feature = "gbk")]
    Gb18030,
    /// UTF-16 (little- or big-endian, by its BOM), decoded to UTF-8; an unpaired surrogate
    /// becomes U+FFFD, a bad row.
    #[cfg(feature = "gbk")]
    Utf16,
}

/// Whether `sample` is UTF-8 text, allowing a few stray bytes among many well-formed multibyte
/// characters (one bad byte in a UTF-8 file is a bad row, not a reason to read the whole file as
/// GB18030). A sequence cut at the end of the sample does not count against it.
fn looks_utf8(sample: &[u8]) -> bool {
    let (mut rest, mut bad, mut wide) = (sample, 0usize, 0usize);
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                wide += text.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (good, after) = rest.split_at(e.valid_up_to());
                // The valid prefix is UTF-8 by construction.
                wide += std::str::from_utf8(good)
                    .map_or(0, |t| t.chars().filter(|c| !c.is_ascii()).count());
                match e.error_len() {
                    None => break,
                    Some(n) => {
                        bad += 1;
                        rest = &after[n..];
                    }
                }
            }
        }
    }
    bad == 0 || wide >= 8 * bad
}

/// A reader of UTF-8 text without a BOM, and how it decodes. The first bytes decide: UTF-8 (see
/// [`looks_utf8`]) is read as is; anything else is decoded as GB18030 when the `gbk` feature is on,
/// and left to fail row by row otherwise.
pub(crate) fn utf8_reader<'r, R: Read + 'r>(
    mut reader: R,
) -> Result<(Box<dyn Read + 'r>, Decoding)> {
    let mut head = Vec::with_capacity(SNIFF);
    (&mut reader)
        .take(SNIFF as u64)
        .read_to_end(&mut head)
        .map_err(Error::io)?;
    if head.starts_with(b"\xEF\xBB\xBF") {
        head.drain(..3);
        return Ok((Box::new(Cursor::new(head).chain(reader)), Decoding::Utf8));
    }
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return utf16(Cursor::new(head).chain(reader));
    }
    if looks_utf8(&head) {
        return Ok((Box::new(Cursor::new(head).chain(reader)), Decoding::Utf8));
    }
    gb18030(Cursor::new(head).chain(reader))
}

/// UTF-16 by its BOM (which is removed), decoded to UTF-8.
#[cfg(feature = "gbk")]
fn utf16<'r, R: Read + 'r>(reader: R) -> Result<(Box<dyn Read + 'r>, Decoding)> {
    Ok((
        Box::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new()
                .bom_sniffing(true)
                .build(reader),
        ),
        Decoding::Utf16,
    ))
}

#[cfg(not(feature = "gbk"))]
fn utf16<'r, R: Read + 'r>(_reader: R) -> Result<(Box<dyn Read + 'r>, Decoding)> {
    // Without a decoder the bytes are not text this build reads.
    Err(Error::encoding())
}

#[cfg(feature = "gbk")]
fn gb18030<'r, R: Read + 'r>(reader: R) -> Result<(Box<dyn Read + 'r>, Decoding)> {
    Ok((
        Box::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new()
                .encoding(Some(encoding_rs::GB18030))
                .build(reader),
        ),
        Decoding::Gb18030,
    ))
}

#[cfg(not(feature = "gbk"))]
fn gb18030<'r, R: Read + 'r>(reader: R) -> Result<(Box<dyn Read + 'r>, Decoding)> {
    Ok((Box::new(reader), Decoding::Utf8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_stray_byte_does_not_make_a_utf8_file_gbk() {
        let mut text = "地区,指标,时期,数值\n示例县,社会消费品零售总额,2023年,120.5亿元\n"
            .as_bytes()
            .to_vec();
        text.push(0xFF);
        text.extend_from_slice("示例县,社会消费品零售总额,2022年,110亿元\n".as_bytes());
        assert!(looks_utf8(&text));
        // GBK text has no well-formed UTF-8 characters to speak of.
        let gbk = [
            0xCA, 0xBE, 0xC0, 0xFD, 0xCF, 0xD8, 0x2C, 0xB5, 0xD8, 0xC7, 0xF8,
        ]; // 示例县,地区
        assert!(!looks_utf8(&gbk));
        assert!(looks_utf8("完成率".as_bytes()));
    }
}

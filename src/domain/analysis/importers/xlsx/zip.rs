//! The zip container of an `.xlsx` workbook: its central directory, and each member's bytes
//! inflated. Written here rather than taken from the `zip` crate, which brings zlib-rs and
//! whose tables would sit in the first download (a wasm chunk cannot hold data segments); the
//! format read is small and fixed (PKWARE APPNOTE 6.3: stored and deflated members, no
//! encryption, no ZIP64), and [`miniz_oxide`] does the inflating.

use super::XlsxError;

/// One member of the archive, not yet inflated.
#[derive(Clone, Debug)]
pub struct Member<'a> {
    /// Its path inside the archive, e.g. `xl/worksheets/sheet1.xml`.
    pub name: String,
    method: u16,
    data: &'a [u8],
}

/// The members of an archive, as its central directory lists them.
#[derive(Clone, Debug)]
pub struct Archive<'a> {
    members: Vec<Member<'a>>,
}

const END_OF_DIRECTORY: u32 = 0x0605_4b50;
const DIRECTORY_ENTRY: u32 = 0x0201_4b50;
const LOCAL_HEADER: u32 = 0x0403_4b50;

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([*b.first()?, *b.get(1)?]))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(b.try_into().ok()?))
}

impl<'a> Archive<'a> {
    /// Reads the central directory. A truncated or damaged file is [`XlsxError::Damaged`].
    pub fn read(bytes: &'a [u8]) -> Result<Self, XlsxError> {
        // The end record is the last 22 bytes, or is followed by a comment of at most 64 KiB.
        let earliest = bytes.len().saturating_sub(22 + 0xFFFF);
        let end = (earliest..=bytes.len().saturating_sub(22))
            .rev()
            .find(|&at| u32_at(bytes, at) == Some(END_OF_DIRECTORY))
            .ok_or(XlsxError::Damaged)?;
        let count = u16_at(bytes, end.saturating_add(10)).ok_or(XlsxError::Damaged)?;
        let offset = u32_at(bytes, end.saturating_add(16)).ok_or(XlsxError::Damaged)?;
        if count == 0xFFFF || offset == 0xFFFF_FFFF {
            return Err(XlsxError::Unsupported {
                what: "ZIP64".into(),
            });
        }
        let mut members = Vec::with_capacity(usize::from(count));
        let mut at = offset as usize;
        for _ in 0..count {
            if u32_at(bytes, at) != Some(DIRECTORY_ENTRY) {
                return Err(XlsxError::Damaged);
            }
            let field16 = |o: usize| u16_at(bytes, at.saturating_add(o)).ok_or(XlsxError::Damaged);
            let field32 = |o: usize| u32_at(bytes, at.saturating_add(o)).ok_or(XlsxError::Damaged);
            let flags = field16(8)?;
            let method = field16(10)?;
            let compressed = field32(20)? as usize;
            let name_len = usize::from(field16(28)?);
            let extra_len = usize::from(field16(30)?);
            let comment_len = usize::from(field16(32)?);
            let local = field32(42)? as usize;
            let name_at = at.saturating_add(46);
            let name = bytes
                .get(name_at..name_at.saturating_add(name_len))
                .ok_or(XlsxError::Damaged)?;
            // Bit 11 says UTF-8; Office writes ASCII names either way.
            let name = String::from_utf8_lossy(name).replace('\\', "/");
            if flags & 1 != 0 {
                return Err(XlsxError::Unsupported {
                    what: "encryption".into(),
                });
            }
            // The member's data follows its local header, whose name and extra field may differ
            // in length from the directory's copy.
            if u32_at(bytes, local) != Some(LOCAL_HEADER) {
                return Err(XlsxError::Damaged);
            }
            let local_name =
                usize::from(u16_at(bytes, local.saturating_add(26)).ok_or(XlsxError::Damaged)?);
            let local_extra =
                usize::from(u16_at(bytes, local.saturating_add(28)).ok_or(XlsxError::Damaged)?);
            let start = local.saturating_add(30 + local_name + local_extra);
            let data = bytes
                .get(start..start.checked_add(compressed).ok_or(XlsxError::Damaged)?)
                .ok_or(XlsxError::Damaged)?;
            members.push(Member { name, method, data });
            at = name_at.saturating_add(name_len + extra_len + comment_len);
        }
        Ok(Self { members })
    }

    /// The member at `path`, matched without regard to case or a leading `/` (writers differ).
    pub fn member(&self, path: &str) -> Option<&Member<'a>> {
        let path = path.trim_start_matches('/');
        self.members
            .iter()
            .find(|m| m.name.trim_start_matches('/').eq_ignore_ascii_case(path))
    }
}

impl Member<'_> {
    /// The member's bytes, refusing to inflate past `limit` (a zip bomb stops there).
    pub fn bytes(&self, limit: usize) -> Result<Vec<u8>, XlsxError> {
        let too_large = || XlsxError::TooLarge {
            part: self.name.clone(),
        };
        match self.method {
            0 if self.data.len() > limit => Err(too_large()),
            0 => Ok(self.data.to_vec()),
            8 => {
                // The declared size is only a hint; the limit is what holds.
                miniz_oxide::inflate::decompress_to_vec_with_limit(self.data, limit).map_err(|e| {
                    match e.status {
                        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => too_large(),
                        _ => XlsxError::Damaged,
                    }
                })
            }
            other => Err(XlsxError::Unsupported {
                what: format!("compression method {other}"),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-member archive with the member stored (method 0), as APPNOTE lays it out.
    fn stored_zip(name: &str, content: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let n = name.len() as u16;
        let len = content.len() as u32;
        out.extend(LOCAL_HEADER.to_le_bytes());
        out.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // version, flags, method 0, time, date
        out.extend(0u32.to_le_bytes()); // crc (not checked)
        out.extend(len.to_le_bytes());
        out.extend(len.to_le_bytes());
        out.extend(n.to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out.extend(name.as_bytes());
        out.extend(content);
        let directory = out.len() as u32;
        out.extend(DIRECTORY_ENTRY.to_le_bytes());
        out.extend([20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // made by, needed, flags, method, time, date
        out.extend(0u32.to_le_bytes());
        out.extend(len.to_le_bytes());
        out.extend(len.to_le_bytes());
        out.extend(n.to_le_bytes());
        out.extend([0; 8]); // extra, comment, disk, internal attributes
        out.extend(0u32.to_le_bytes()); // external attributes
        out.extend(0u32.to_le_bytes()); // local header at 0
        out.extend(name.as_bytes());
        let size = out.len() as u32 - directory;
        out.extend(END_OF_DIRECTORY.to_le_bytes());
        out.extend([0, 0, 0, 0, 1, 0, 1, 0]);
        out.extend(size.to_le_bytes());
        out.extend(directory.to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out
    }

    #[test]
    fn a_stored_member_is_found_by_name_in_any_case() {
        // Guards: writers that store members uncompressed, or spell paths in another case.
        let zip = stored_zip("xl/Workbook.xml", b"<workbook/>");
        let archive = Archive::read(&zip).unwrap();
        let member = archive.member("/xl/workbook.xml").unwrap();
        assert_eq!(member.bytes(100).unwrap(), b"<workbook/>");
        assert!(matches!(member.bytes(5), Err(XlsxError::TooLarge { .. })));
    }

    #[test]
    fn every_truncation_is_damaged_never_a_panic() {
        // Guards: a half-downloaded file is refused with a reason.
        let zip = stored_zip("a.xml", b"<a/>");
        for cut in 0..zip.len() {
            assert!(
                matches!(Archive::read(&zip[..cut]), Err(XlsxError::Damaged)),
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn a_deflated_member_inflates_and_a_bomb_stops_at_the_limit() {
        // Guards: members compressed with deflate (what Excel and the platforms write), and a
        // member that would inflate past the limit.
        let content = "<row/>".repeat(10_000);
        let packed = miniz_oxide::deflate::compress_to_vec(content.as_bytes(), 6);
        let member = Member {
            name: "s.xml".into(),
            method: 8,
            data: &packed,
        };
        assert_eq!(member.bytes(1 << 20).unwrap(), content.as_bytes());
        assert!(matches!(
            member.bytes(1_000),
            Err(XlsxError::TooLarge { .. })
        ));
        let broken = Member {
            data: &packed[..packed.len() / 2],
            ..member
        };
        assert!(matches!(broken.bytes(1 << 20), Err(XlsxError::Damaged)));
    }
}

//! The TIFF structure, used for EXIF blocks (which are TIFF inside) and for TIFF files.
//!
//! Reading walks one IFD with every offset checked. Writing never moves existing data: tags are
//! removed in place (the IFD is compacted, its size only shrinks), and a TIFF file gets a new
//! IFD0 appended at its end that reuses the old entries' values where they are.

/// TIFF tag numbers used in this crate.
pub(crate) mod tag {
    pub const IMAGE_DESCRIPTION: u16 = 0x010E;
    pub const ARTIST: u16 = 0x013B;
    pub const XMP: u16 = 0x02BC;
    pub const COPYRIGHT: u16 = 0x8298;
    pub const IPTC: u16 = 0x83BB;
    pub const PHOTOSHOP: u16 = 0x8649;
    pub const EXIF_IFD: u16 = 0x8769;
    pub const DATE_TIME_ORIGINAL: u16 = 0x9003;
    pub const OFFSET_TIME_ORIGINAL: u16 = 0x9011;
    pub const SUB_SEC_TIME_ORIGINAL: u16 = 0x9291;
}

pub(crate) const TYPE_BYTE: u16 = 1;
pub(crate) const TYPE_LONG: u16 = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Endian {
    Little,
    Big,
}

impl Endian {
    pub(crate) fn u16(self, b: [u8; 2]) -> u16 {
        match self {
            Endian::Little => u16::from_le_bytes(b),
            Endian::Big => u16::from_be_bytes(b),
        }
    }

    pub(crate) fn u32(self, b: [u8; 4]) -> u32 {
        match self {
            Endian::Little => u32::from_le_bytes(b),
            Endian::Big => u32::from_be_bytes(b),
        }
    }

    pub(crate) fn put_u16(self, v: u16) -> [u8; 2] {
        match self {
            Endian::Little => v.to_le_bytes(),
            Endian::Big => v.to_be_bytes(),
        }
    }

    pub(crate) fn put_u32(self, v: u32) -> [u8; 4] {
        match self {
            Endian::Little => v.to_le_bytes(),
            Endian::Big => v.to_be_bytes(),
        }
    }
}

/// One 12-byte IFD entry.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    pub tag: u16,
    pub kind: u16,
    pub count: u32,
    /// Where the entry starts in the buffer.
    pub pos: usize,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tiff<'a> {
    pub bytes: &'a [u8],
    pub endian: Endian,
    pub ifd0: usize,
}

/// The most entries one IFD may have before we call it damaged (real files have < 100).
const MAX_ENTRIES: usize = 4096;

impl<'a> Tiff<'a> {
    /// Reads the header of a classic (32-bit) TIFF structure.
    pub(crate) fn parse(bytes: &'a [u8]) -> Result<Self, String> {
        let endian = match bytes.get(..4) {
            Some(b"II*\0") => Endian::Little,
            Some(b"MM\0*") => Endian::Big,
            Some(b"II+\0") | Some(b"MM\0+") => {
                return Err(
                    "it is a BigTIFF file, whose metadata this program cannot handle yet".into(),
                );
            }
            _ => return Err("its TIFF header is missing or damaged".into()),
        };
        if bytes.len() < 8 {
            return Err("its TIFF header is cut off".into());
        }
        let ifd0 = endian.u32([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
        if ifd0 < 8 || ifd0 >= bytes.len() {
            return Err("its first directory (IFD0) points outside the data".into());
        }
        Ok(Tiff {
            bytes,
            endian,
            ifd0,
        })
    }

    fn read_u16(&self, pos: usize) -> Option<u16> {
        let b = self.bytes.get(pos..pos + 2)?;
        Some(self.endian.u16([b[0], b[1]]))
    }

    fn read_u32(&self, pos: usize) -> Option<u32> {
        let b = self.bytes.get(pos..pos + 4)?;
        Some(self.endian.u32([b[0], b[1], b[2], b[3]]))
    }

    /// The entries of the IFD at `offset` and the offset of the next IFD (0 for none).
    pub(crate) fn entries(&self, offset: usize) -> Result<(Vec<Entry>, u32), String> {
        let count = self
            .read_u16(offset)
            .ok_or("a directory (IFD) points outside the data")? as usize;
        if count > MAX_ENTRIES {
            return Err(format!("a directory (IFD) claims {count} entries"));
        }
        let end = offset + 2 + 12 * count;
        let next = self
            .read_u32(end)
            .ok_or("a directory (IFD) runs past the end of the data")?;
        let entries = (0..count)
            .map(|i| {
                let pos = offset + 2 + 12 * i;
                Entry {
                    tag: self.read_u16(pos).unwrap_or_default(),
                    kind: self.read_u16(pos + 2).unwrap_or_default(),
                    count: self.read_u32(pos + 4).unwrap_or_default(),
                    pos,
                }
            })
            .collect();
        Ok((entries, next))
    }

    /// The value bytes of an entry, `None` when its type is unknown or it points outside.
    pub(crate) fn data(&self, entry: &Entry) -> Option<&'a [u8]> {
        let size = type_size(entry.kind)?.checked_mul(entry.count as usize)?;
        if size <= 4 {
            self.bytes.get(entry.pos + 8..entry.pos + 8 + size)
        } else {
            let offset = self.read_u32(entry.pos + 8)? as usize;
            self.bytes.get(offset..offset.checked_add(size)?)
        }
    }

    /// The value of a LONG (or SHORT) entry holding an offset, e.g. the EXIF IFD pointer.
    pub(crate) fn offset_value(&self, entry: &Entry) -> Option<usize> {
        match entry.kind {
            TYPE_LONG | 13 => self.read_u32(entry.pos + 8).map(|v| v as usize),
            3 => self.read_u16(entry.pos + 8).map(usize::from),
            _ => None,
        }
    }

    /// The data of the first entry with `tag` in IFD0.
    pub(crate) fn ifd0_data(&self, tag: u16) -> Result<Option<&'a [u8]>, String> {
        let (entries, _) = self.entries(self.ifd0)?;
        Ok(entries
            .iter()
            .find(|e| e.tag == tag)
            .and_then(|e| self.data(e)))
    }
}

pub(crate) fn type_size(kind: u16) -> Option<usize> {
    Some(match kind {
        1 | 2 | 6 | 7 => 1,
        3 | 8 => 2,
        4 | 9 | 11 | 13 => 4,
        5 | 10 | 12 => 8,
        _ => return None,
    })
}

/// Removes the entries whose tag `remove` selects from the IFD at `offset`, in place: the kept
/// entries move up, the count and next-IFD pointer follow them, freed bytes become zero.
/// Returns how many entries were removed.
pub(crate) fn remove_in_place(
    buf: &mut [u8],
    offset: usize,
    remove: impl Fn(u16) -> bool,
) -> Result<usize, String> {
    let (entries, next, endian) = {
        let tiff = Tiff::parse(buf)?;
        let (entries, next) = tiff.entries(offset)?;
        (entries, next, tiff.endian)
    };
    let keep: Vec<[u8; 12]> = entries
        .iter()
        .filter(|e| !remove(e.tag))
        .map(|e| {
            let mut raw = [0u8; 12];
            raw.copy_from_slice(&buf[e.pos..e.pos + 12]);
            raw
        })
        .collect();
    let removed = entries.len() - keep.len();
    if removed == 0 {
        return Ok(0);
    }
    let count = u16::try_from(keep.len()).map_err(|_| "too many directory entries".to_string())?;
    buf[offset..offset + 2].copy_from_slice(&endian.put_u16(count));
    let mut pos = offset + 2;
    for raw in &keep {
        buf[pos..pos + 12].copy_from_slice(raw);
        pos += 12;
    }
    buf[pos..pos + 4].copy_from_slice(&endian.put_u32(next));
    let old_end = offset + 2 + 12 * entries.len() + 4;
    buf[pos + 4..old_end].fill(0);
    Ok(removed)
}

/// Removes tags from IFD0 and from the EXIF sub-IFD of a TIFF structure, in place.
pub(crate) fn remove_tags(
    buf: &mut [u8],
    ifd0_tags: &[u16],
    exif_tags: &[u16],
) -> Result<usize, String> {
    let (ifd0, exif_ifd) = {
        let tiff = Tiff::parse(buf)?;
        let (entries, _) = tiff.entries(tiff.ifd0)?;
        let exif_ifd = entries
            .iter()
            .find(|e| e.tag == tag::EXIF_IFD)
            .and_then(|e| tiff.offset_value(e))
            .filter(|&o| o >= 8 && o < buf.len());
        (tiff.ifd0, exif_ifd)
    };
    let mut removed = 0;
    if !ifd0_tags.is_empty() {
        removed += remove_in_place(buf, ifd0, |t| ifd0_tags.contains(&t))?;
    }
    if let (Some(exif_ifd), false) = (exif_ifd, exif_tags.is_empty()) {
        removed += remove_in_place(buf, exif_ifd, |t| exif_tags.contains(&t))?;
    }
    Ok(removed)
}

/// A new entry for [`append_ifd0`]: its value bytes are stored inline or appended.
pub(crate) struct NewEntry {
    pub tag: u16,
    pub kind: u16,
    pub count: u32,
    pub data: Vec<u8>,
}

/// Appends a new IFD0 to a TIFF file: the old IFD0's entries minus `drop`, plus `add`, sorted
/// by tag; the header then points to it. Old values stay where they are.
pub(crate) fn append_ifd0(
    file: &[u8],
    drop: &[u16],
    add: Vec<NewEntry>,
) -> Result<Vec<u8>, String> {
    let tiff = Tiff::parse(file)?;
    let endian = tiff.endian;
    let (entries, next) = tiff.entries(tiff.ifd0)?;
    let mut out = file.to_vec();
    // (tag, raw 12 bytes)
    let mut table: Vec<(u16, [u8; 12])> = entries
        .iter()
        .filter(|e| !drop.contains(&e.tag) && !add.iter().any(|a| a.tag == e.tag))
        .map(|e| {
            let mut raw = [0u8; 12];
            raw.copy_from_slice(&file[e.pos..e.pos + 12]);
            (e.tag, raw)
        })
        .collect();
    for entry in add {
        let mut raw = [0u8; 12];
        raw[0..2].copy_from_slice(&endian.put_u16(entry.tag));
        raw[2..4].copy_from_slice(&endian.put_u16(entry.kind));
        raw[4..8].copy_from_slice(&endian.put_u32(entry.count));
        if entry.data.len() <= 4 {
            raw[8..8 + entry.data.len()].copy_from_slice(&entry.data);
        } else {
            if out.len() % 2 == 1 {
                out.push(0);
            }
            let offset = u32::try_from(out.len())
                .map_err(|_| "the file would grow past 4 GiB".to_string())?;
            raw[8..12].copy_from_slice(&endian.put_u32(offset));
            out.extend_from_slice(&entry.data);
        }
        table.push((entry.tag, raw));
    }
    table.sort_by_key(|(t, _)| *t);
    if out.len() % 2 == 1 {
        out.push(0);
    }
    let ifd = u32::try_from(out.len()).map_err(|_| "the file would grow past 4 GiB".to_string())?;
    let count = u16::try_from(table.len()).map_err(|_| "too many directory entries".to_string())?;
    out.extend_from_slice(&endian.put_u16(count));
    for (_, raw) in &table {
        out.extend_from_slice(raw);
    }
    out.extend_from_slice(&endian.put_u32(next));
    out[4..8].copy_from_slice(&endian.put_u32(ifd));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A little TIFF structure: IFD0 with Artist ("Al") and ImageDescription ("A caption").
    fn sample() -> Vec<u8> {
        let mut b = b"II*\0\x08\0\0\0".to_vec();
        b.extend_from_slice(&2u16.to_le_bytes());
        // ImageDescription, ASCII, 10 bytes at offset 38
        b.extend_from_slice(&tag::IMAGE_DESCRIPTION.to_le_bytes());
        b.extend_from_slice(&2u16.to_le_bytes());
        b.extend_from_slice(&10u32.to_le_bytes());
        b.extend_from_slice(&38u32.to_le_bytes());
        // Artist, ASCII, 3 bytes inline
        b.extend_from_slice(&tag::ARTIST.to_le_bytes());
        b.extend_from_slice(&2u16.to_le_bytes());
        b.extend_from_slice(&3u32.to_le_bytes());
        b.extend_from_slice(b"Al\0\0");
        b.extend_from_slice(&0u32.to_le_bytes());
        assert_eq!(b.len(), 38);
        b.extend_from_slice(b"A caption\0");
        b
    }

    #[test]
    fn reads_entries_and_values() {
        let file = sample();
        let tiff = Tiff::parse(&file).expect("valid");
        assert_eq!(tiff.ifd0_data(tag::ARTIST).expect("ok"), Some(&b"Al\0"[..]));
        assert_eq!(
            tiff.ifd0_data(tag::IMAGE_DESCRIPTION).expect("ok"),
            Some(&b"A caption\0"[..])
        );
    }

    #[test]
    fn removes_in_place() {
        let mut file = sample();
        let len = file.len();
        assert_eq!(
            remove_tags(&mut file, &[tag::IMAGE_DESCRIPTION], &[]).expect("ok"),
            1
        );
        assert_eq!(file.len(), len);
        let tiff = Tiff::parse(&file).expect("valid");
        assert_eq!(tiff.ifd0_data(tag::IMAGE_DESCRIPTION).expect("ok"), None);
        assert_eq!(tiff.ifd0_data(tag::ARTIST).expect("ok"), Some(&b"Al\0"[..]));
    }

    #[test]
    fn appends_a_new_ifd0() {
        let file = sample();
        let add = vec![NewEntry {
            tag: tag::XMP,
            kind: TYPE_BYTE,
            count: 6,
            data: b"<x:x/>".to_vec(),
        }];
        let out = append_ifd0(&file, &[tag::ARTIST], add).expect("ok");
        let tiff = Tiff::parse(&out).expect("valid");
        assert_eq!(tiff.ifd0_data(tag::XMP).expect("ok"), Some(&b"<x:x/>"[..]));
        assert_eq!(tiff.ifd0_data(tag::ARTIST).expect("ok"), None);
        assert_eq!(
            tiff.ifd0_data(tag::IMAGE_DESCRIPTION).expect("ok"),
            Some(&b"A caption\0"[..])
        );
    }

    #[test]
    fn hostile_offsets_are_errors_not_panics() {
        let mut file = sample();
        file[4] = 0xF0;
        assert!(Tiff::parse(&file).is_err());
        let mut file = sample();
        file[8] = 0xFF;
        file[9] = 0xFF;
        let tiff = Tiff::parse(&file).expect("header is fine");
        assert!(tiff.entries(tiff.ifd0).is_err());
        assert!(remove_tags(&mut file, &[tag::ARTIST], &[]).is_err());
    }
}

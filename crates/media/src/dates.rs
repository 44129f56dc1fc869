//! "When the picture was taken" between its three spellings: ISO 8601 as the model and XMP
//! keep it ("2018-12-13", "2018-12-13T10:15:00+01:00"), IIM 2:55/2:60 ("20181213",
//! "101500+0100") and EXIF ("2018:12:13 10:15:00" plus OffsetTimeOriginal "+01:00").

/// An ISO 8601 date as precise as it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Iso {
    year: String,
    month: Option<String>,
    day: Option<String>,
    /// "HHMMSS" (seconds "00" when the text had none), only with a full date.
    time: Option<String>,
    /// "+HHMM" / "-HHMM" ("Z" becomes "+0000").
    zone: Option<String>,
}

fn digits(s: &str, n: usize) -> Option<&str> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then_some(s)
}

/// Parses the XMP date forms: YYYY, YYYY-MM, YYYY-MM-DD, then optionally THH:MM[:SS[.s+]]
/// with Z or ±HH:MM. (Readers turn Getty's "YYYY-MM-DD HH:MM:SS" into this form first.)
pub(crate) fn parse_iso(text: &str) -> Option<Iso> {
    let text = text.trim();
    let (date, time) = match text.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let mut parts = date.split('-');
    let year = digits(parts.next()?, 4)?.to_owned();
    let month = match parts.next() {
        Some(m) => Some(digits(m, 2)?.to_owned()),
        None => None,
    };
    let day = match parts.next() {
        Some(d) => Some(digits(d, 2)?.to_owned()),
        None => None,
    };
    if parts.next().is_some() || (day.is_some() && month.is_none()) {
        return None;
    }
    if let Some(m) = &month
        && !(1..=12).contains(&m.parse::<u8>().ok()?)
    {
        return None;
    }
    if let Some(d) = &day
        && !(1..=31).contains(&d.parse::<u8>().ok()?)
    {
        return None;
    }
    let (time, zone) = match time {
        None => (None, None),
        Some(_) if day.is_none() => return None,
        Some(t) => {
            let (clock, zone) = if let Some(c) = t.strip_suffix('Z') {
                (c, Some("+0000".to_owned()))
            } else if let Some(i) = t.rfind(['+', '-']) {
                let z = &t[i + 1..];
                let (h, m) = z.split_once(':')?;
                (
                    &t[..i],
                    Some(format!("{}{}{}", &t[i..=i], digits(h, 2)?, digits(m, 2)?)),
                )
            } else {
                (t, None)
            };
            let mut fields = clock.split(':');
            let h = digits(fields.next()?, 2)?;
            let m = digits(fields.next()?, 2)?;
            let s = match fields.next() {
                Some(s) => {
                    let whole = s.split('.').next()?;
                    digits(whole, 2)?
                }
                None => "00",
            };
            if fields.next().is_some() || h > "23" || m > "59" || s > "60" {
                return None;
            }
            (Some(format!("{h}{m}{s}")), zone)
        }
    };
    Some(Iso {
        year,
        month,
        day,
        time,
        zone,
    })
}

/// IIM 2:55 ("CCYYMMDD", "00" for an unknown month or day) and 2:60 ("HHMMSS±HHMM").
pub(crate) fn to_iim(text: &str) -> Option<(String, Option<String>)> {
    let iso = parse_iso(text)?;
    let date = format!(
        "{}{}{}",
        iso.year,
        iso.month.as_deref().unwrap_or("00"),
        iso.day.as_deref().unwrap_or("00")
    );
    let time = iso
        .time
        .map(|t| format!("{t}{}", iso.zone.as_deref().unwrap_or_default()));
    Some((date, time))
}

/// ISO 8601 from IIM 2:55 and 2:60; `None` when the date is not a date.
pub(crate) fn from_iim(date: &str, time: Option<&str>) -> Option<String> {
    let date = digits(date.trim(), 8)?;
    let (year, month, day) = (&date[..4], &date[4..6], &date[6..8]);
    if year == "0000" {
        return None;
    }
    if month == "00" {
        return Some(year.to_owned());
    }
    if day == "00" {
        return Some(format!("{year}-{month}"));
    }
    let mut out = format!("{year}-{month}-{day}");
    if let Some(time) = time.map(str::trim).filter(|t| t.len() >= 6) {
        let clock = digits(&time[..6], 6)?;
        out.push_str(&format!(
            "T{}:{}:{}",
            &clock[..2],
            &clock[2..4],
            &clock[4..6]
        ));
        let zone = &time[6..];
        if zone.len() == 5
            && (zone.starts_with('+') || zone.starts_with('-'))
            && digits(&zone[1..], 4).is_some()
        {
            out.push_str(&format!("{}:{}", &zone[..3], &zone[3..]));
        }
    }
    Some(out)
}

/// ISO 8601 from EXIF DateTimeOriginal ("YYYY:MM:DD HH:MM:SS") and OffsetTimeOriginal.
pub(crate) fn from_exif(date_time: &str, offset: Option<&str>) -> Option<String> {
    let date_time = date_time.trim();
    let (date, time) = date_time.split_once(' ').unwrap_or((date_time, ""));
    let mut d = date.split(':');
    let (year, month, day) = (
        digits(d.next()?, 4)?,
        digits(d.next()?, 2)?,
        digits(d.next()?, 2)?,
    );
    if year == "0000" || month == "00" || day == "00" {
        return None;
    }
    let mut out = format!("{year}-{month}-{day}");
    let mut t = time.split(':');
    if let (Some(h), Some(m), Some(s)) = (t.next(), t.next(), t.next())
        && let (Some(h), Some(m), Some(s)) = (digits(h, 2), digits(m, 2), digits(s, 2))
    {
        out.push_str(&format!("T{h}:{m}:{s}"));
        if let Some(offset) = offset.map(str::trim)
            && offset.len() == 6
            && (offset.starts_with('+') || offset.starts_with('-'))
        {
            out.push_str(offset);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iim_round_trip() {
        for iso in [
            "2018-12-13",
            "2018-12-13T10:15:00+01:00",
            "2018-12-13T10:15:00",
            "2018",
            "2018-12",
        ] {
            let (date, time) = to_iim(iso).expect("valid");
            assert_eq!(
                from_iim(&date, time.as_deref()).as_deref(),
                Some(iso),
                "{iso}"
            );
        }
        assert_eq!(
            to_iim("2018-12-13T10:15Z"),
            Some(("20181213".into(), Some("101500+0000".into())))
        );
        assert_eq!(
            to_iim("2011-11-19T19:55:44.009"),
            Some(("20111119".into(), Some("195544".into())))
        );
    }

    #[test]
    fn not_dates() {
        for text in [
            "",
            "13.12.2018",
            "2018-13-01",
            "2018-12-13T25:00",
            "yesterday",
            "2018-12-13T10",
        ] {
            assert_eq!(parse_iso(text), None, "{text}");
        }
        assert_eq!(from_iim("0000000", None), None);
        assert_eq!(from_exif("0000:00:00 00:00:00", None), None);
        assert_eq!(from_exif("    :  :     :  :  ", None), None);
    }

    #[test]
    fn exif() {
        assert_eq!(
            from_exif("2018:12:13 10:15:00", Some("+01:00")).as_deref(),
            Some("2018-12-13T10:15:00+01:00")
        );
        assert_eq!(
            from_exif("2018:12:13 10:15:00", None).as_deref(),
            Some("2018-12-13T10:15:00")
        );
    }
}

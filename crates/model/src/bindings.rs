//! The TypeScript twin of this crate's types, generated for the UI.
//!
//! `ui/src/lib/ipc/bindings.ts` is written from [`typescript`]; the test below fails when the
//! committed file drifts from the Rust types. Regenerate with
//! `UPDATE_BINDINGS=1 cargo test -p newsdesk-model bindings`.

use ts_rs::TS;

use crate::*;

/// Every type that crosses the IPC boundary, as one TypeScript module.
pub fn typescript() -> String {
    // i64 ids and counts cross as JSON numbers (all well below 2^53), not bigint.
    let cfg = ts_rs::Config::new().with_large_int("number");
    let decls = [
        Status::decl(&cfg),
        ImageRef::decl(&cfg),
        Link::decl(&cfg),
        Correction::decl(&cfg),
        Embargo::decl(&cfg),
        EmbargoedPicture::decl(&cfg),
        ArticleContent::decl(&cfg),
        Article::decl(&cfg),
        OpenedArticle::decl(&cfg),
        ArticleSummary::decl(&cfg),
        ArticleFilter::decl(&cfg),
        SearchHit::decl(&cfg),
        RevisionSummary::decl(&cfg),
        Revision::decl(&cfg),
        ImportedArticle::decl(&cfg),
        ImportFailure::decl(&cfg),
        ImportSkipped::decl(&cfg),
        ImportReport::decl(&cfg),
        StatusCount::decl(&cfg),
        LibraryInfo::decl(&cfg),
        LibrarySizes::decl(&cfg),
        Preparation::decl(&cfg),
        PreparationTask::decl(&cfg),
        BootSnapshot::decl(&cfg),
        ErrorCode::decl(&cfg),
        UserError::decl(&cfg),
        DiffKind::decl(&cfg),
        DiffSegment::decl(&cfg),
        FieldDiff::decl(&cfg),
        RevisionDiff::decl(&cfg),
        ProblemCode::decl(&cfg),
        ReadinessProblem::decl(&cfg),
        LongSentence::decl(&cfg),
        ArticleStats::decl(&cfg),
        ImageMetadata::decl(&cfg),
        CreditFields::decl(&cfg),
        Setting::decl(&cfg),
        CreditPreset::decl(&cfg),
        CreditPreview::decl(&cfg),
        Backup::decl(&cfg),
        BackupRound::decl(&cfg),
        LibraryProblem::decl(&cfg),
        LogTail::decl(&cfg),
        WeekCount::decl(&cfg),
        NamedCount::decl(&cfg),
        SourceMonth::decl(&cfg),
        ExpiringPicture::decl(&cfg),
        Overview::decl(&cfg),
        LicenseKind::decl(&cfg),
        Image::decl(&cfg),
        ImageFilter::decl(&cfg),
        ImagePatch::decl(&cfg),
        ImportedImage::decl(&cfg),
        ImageImportReport::decl(&cfg),
        ImageImportProgress::decl(&cfg),
        DuplicateGroup::decl(&cfg),
        ImageUse::decl(&cfg),
        RelatedArticle::decl(&cfg),
        SuggestionSource::decl(&cfg),
        SuggestionReason::decl(&cfg),
        TagSuggestion::decl(&cfg),
        SuggestionVerdict::decl(&cfg),
        EvalAtK::decl(&cfg),
        EvalReport::decl(&cfg),
        ExportedFile::decl(&cfg),
        ExportFailure::decl(&cfg),
        ExportReport::decl(&cfg),
        ExportProgress::decl(&cfg),
        ExportTarget::decl(&cfg),
        TemplatesInfo::decl(&cfg),
        TemplateFile::decl(&cfg),
        PortalKind::decl(&cfg),
        Portal::decl(&cfg),
        NewPortal::decl(&cfg),
        PortalCheck::decl(&cfg),
        PullReport::decl(&cfg),
        JobAction::decl(&cfg),
        JobState::decl(&cfg),
        OutboxJob::decl(&cfg),
        OutboxSummary::decl(&cfg),
        OutboxRunReport::decl(&cfg),
        OutboxEvent::decl(&cfg),
        PublicationState::decl(&cfg),
        Publication::decl(&cfg),
        ConflictField::decl(&cfg),
        PublishConflict::decl(&cfg),
        ConflictChoice::decl(&cfg),
        PlannedImage::decl(&cfg),
        PublishPreview::decl(&cfg),
        About::decl(&cfg),
    ];
    let mut out = String::from(
        "// generated — do not edit. Source: crates/model (Rust), by ts-rs.\n\
         // Regenerate: UPDATE_BINDINGS=1 cargo test -p newsdesk-model bindings\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.push_str(&setting_defaults());
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Every setting's key and default ([`crate::settings::SETTINGS`]), so the UI names only keys
/// that exist and knows a default before the library answers.
fn setting_defaults() -> String {
    let mut out =
        String::from("/** Every setting's default, by key. */\nexport const settingDefaults = {\n");
    for spec in crate::settings::SETTINGS {
        let default = serde_json::Value::from(spec.default);
        out.push_str(&format!("  {}: {default},\n", spec.key));
    }
    out.push_str("} as const;\n\nexport type SettingKey = keyof typeof settingDefaults;\n");
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    #[test]
    fn committed_bindings_match_the_rust_types() {
        let path =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/ipc/bindings.ts");
        let generated = super::typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &generated).expect("bindings file is writable");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "ui/src/lib/ipc/bindings.ts is out of date with the Rust types; run \
             UPDATE_BINDINGS=1 cargo test -p newsdesk-model bindings and commit the result"
        );
    }
}

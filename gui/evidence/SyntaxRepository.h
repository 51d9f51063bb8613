#pragma once

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

class QPalette;

// The one KSyntaxHighlighting repository of the application, with Casebook's
// own definitions (strace, kernel log, kernel stack; resources/syntax) added
// through addCustomSearchPath.
class SyntaxRepository
{
public:
    static KSyntaxHighlighting::Repository &instance();
    // Definition for a piece of evidence by its artifact kind and name.
    static KSyntaxHighlighting::Definition definitionFor(const QString &artifactKind, const QString &name);
    // Light or dark theme matching the palette.
    static KSyntaxHighlighting::Theme themeFor(const QPalette &palette);
    static QString customSearchPath(); // ":/casebook" (holds syntax/)
};

#include "SyntaxRepository.h"

#include <QPalette>

// At global scope: Q_INIT_RESOURCE declares the resource's init function.
static void initCasebookSyntaxResources()
{
    Q_INIT_RESOURCE(casebook_syntax);
}

QString SyntaxRepository::customSearchPath()
{
    return QStringLiteral(":/casebook");
}

KSyntaxHighlighting::Repository &SyntaxRepository::instance()
{
    static KSyntaxHighlighting::Repository *repo = [] {
        initCasebookSyntaxResources();
        auto *r = new KSyntaxHighlighting::Repository;
        r->addCustomSearchPath(customSearchPath());
        return r;
    }();
    return *repo;
}

KSyntaxHighlighting::Definition SyntaxRepository::definitionFor(const QString &artifactKind, const QString &name)
{
    auto &repo = instance();
    const QString n = name.toLower();
    if (artifactKind == QLatin1String("strace-log") || n.contains(QLatin1String("strace")))
        return repo.definitionForName(QStringLiteral("Strace"));
    if (artifactKind == QLatin1String("kernel-log") || n.contains(QLatin1String("dmesg")) || n.contains(QLatin1String("kern")))
        return repo.definitionForName(QStringLiteral("Kernel Log"));
    if (artifactKind == QLatin1String("kernel-stack") || n.endsWith(QLatin1String("stack")) || n.contains(QLatin1String("stacks")))
        return repo.definitionForName(QStringLiteral("Kernel Stack"));
    const auto byName = repo.definitionForFileName(name);
    return byName;
}

KSyntaxHighlighting::Theme SyntaxRepository::themeFor(const QPalette &palette)
{
    return instance().themeForPalette(palette);
}

#pragma once

#include "app/WorkbenchPane.h"

#include <QWidget>

class CaseSession;
class NavigatorModel;
class QTreeView;
class PaneLoader;
struct EvidenceLink;

// Hosts -> collections -> evidence, and notes. Context actions: view raw,
// export artifact, verify hash, re-collect. Read on the reader thread.
class NavigatorPane : public QWidget, public WorkbenchPane
{
    Q_OBJECT
public:
    // WorkbenchPane
    QWidget *paneWidget() override { return this; }
    Info paneInfo() const override;
    bool showLink(const ResolvedLink &link) override;
    PaneLoader *paneLoader() const override;

    NavigatorPane(CaseSession *session, QWidget *parent = nullptr);
    NavigatorModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    bool select(const QString &kind, qint64 id);
    PaneLoader *loader() const { return m_loader; }

    // The actions, public for tests and menus (act on the current item).
    void viewRaw();
    void exportArtifact(const QString &toPath = {});
    void verifyHash();
    void recollect();

public slots:
    void reload();

signals:
    void evidenceRequested(const EvidenceLink &link);
    // collectionId: the collection chosen (0 for a host), whose options a re-collect starts from.
    void recollectRequested(const QString &hostName, const QString &collectorKind, qint64 collectionId);
    void hashVerified(qint64 artifactId, bool ok, const QString &message);
    void artifactExported(qint64 artifactId, const QString &path);

private:
    void showContextMenu(const QPoint &pos);
    void activate(const QModelIndex &index);

    CaseSession *m_session;
    NavigatorModel *m_model;
    QTreeView *m_view;
    PaneLoader *m_loader;
};

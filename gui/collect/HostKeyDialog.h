#pragma once

#include <QDialog>

struct HostKeyQuestion;

// Asks whether to trust a host key seen for the first time: host, key type,
// SHA256 fingerprint and where it would be recorded. Refuse is the default.
// (A changed key is never asked about: it is refused with an explanation.)
class HostKeyDialog : public QDialog
{
    Q_OBJECT
public:
    HostKeyDialog(const HostKeyQuestion &question, QWidget *parent = nullptr);
    static bool ask(const HostKeyQuestion &question, QWidget *parent);
};

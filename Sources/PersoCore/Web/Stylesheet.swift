import Crypto
import Foundation

/// The one stylesheet of the product, served from memory under a path that changes with its content,
/// so browsers may cache it for a year and still never see a stale one.
public enum Stylesheet {
    public static let css = #"""
    :root{--blue:#1d3461;--blue-2:#2a4a85;--accent:#f2a900;--ink:#1b1b1b;--muted:#555;--line:#d5d9e0;--bg:#f4f6f9;--ok:#1e7b34;--warn:#8a5a00;--error:#b00020;font-size:100%}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;font-family:"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg);line-height:1.5;min-height:100vh;display:flex;flex-direction:column}
    a{color:var(--blue-2)}
    a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
    .skip-link{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
    .skip-link:focus{left:.5rem}
    .federal-bar{background:#000;color:#fff;font-size:.8rem;padding:.15rem 1rem;font-weight:700;letter-spacing:.05em}
    .site-header{background:var(--blue);color:#fff;border-bottom:4px solid var(--accent)}
    .header-inner{max-width:60rem;margin:0 auto;padding:.75rem 1rem;display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem}
    .brand{color:#fff;text-decoration:none;font-size:1.35rem;font-weight:700;display:flex;align-items:center;gap:.5rem}
    .brand-mark{display:inline-grid;place-items:center;width:2rem;height:2rem;border-radius:.3rem;background:#fff;color:var(--blue);font-size:.9rem}
    .languages ul{list-style:none;margin:0;padding:0;display:flex;gap:.25rem}
    .languages a{color:#fff;text-decoration:none;padding:.35rem .55rem;border-radius:.25rem;font-weight:600;display:inline-block;min-width:2.75rem;text-align:center}
    .languages a:hover{background:var(--blue-2)}
    .languages a[aria-current=true]{background:#fff;color:var(--blue)}
    .maintenance-banner{background:#fff4d6;border-bottom:1px solid #e6c66a;color:#4d3800}
    .maintenance-banner p{max-width:60rem;margin:0 auto;padding:.6rem 1rem}
    main{flex:1;width:100%;max-width:60rem;margin:0 auto;padding:1.5rem 1rem 2.5rem}
    main:focus{outline:none}
    h1{font-size:1.75rem;line-height:1.25;margin:.25rem 0 1rem;color:var(--blue)}
    h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
    .lead{font-size:1.1rem;color:var(--muted);margin-top:0}
    .tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:1rem;margin:1.5rem 0;padding:0;list-style:none}
    .tile{display:block;height:100%;background:#fff;border:1px solid var(--line);border-top:5px solid var(--blue-2);border-radius:.4rem;padding:1rem 1.1rem;text-decoration:none;color:var(--ink);box-shadow:0 1px 2px rgba(0,0,0,.05)}
    .tile:hover{border-top-color:var(--accent);box-shadow:0 3px 10px rgba(0,0,0,.1)}
    .tile h2{margin:0 0 .35rem;color:var(--blue)}
    .tile p{margin:0;color:var(--muted)}
    .card{background:#fff;border:1px solid var(--line);border-radius:.4rem;padding:1rem 1.25rem;margin:1rem 0}
    .availability-note{border-left:4px solid var(--accent);background:#fff;padding:.75rem 1rem}
    .help-index{list-style:none;padding:0}
    .help-index li{background:#fff;border:1px solid var(--line);border-radius:.4rem;margin:.5rem 0;padding:.75rem 1rem}
    .help-index a{font-weight:600;font-size:1.05rem}
    .help-index p{margin:.25rem 0 0;color:var(--muted)}
    ol.steps{padding-left:1.5rem}
    ol.steps li{margin:.4rem 0}
    .choices{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}
    .button,button{font:inherit;font-weight:600;cursor:pointer;border-radius:.3rem;border:2px solid var(--blue-2);background:var(--blue-2);color:#fff;padding:.65rem 1.1rem;text-decoration:none;display:inline-block;min-height:2.75rem}
    .button.secondary,button.secondary{background:#fff;color:var(--blue-2)}
    .button:hover,button:hover{filter:brightness(1.1)}
    .error-page .request-id{font-family:ui-monospace,monospace;background:#fff;border:1px dashed var(--line);padding:.25rem .5rem}
    .not-yet{color:var(--blue)}
    .key-group{background:#fff;border:1px solid var(--line);border-radius:.4rem;padding:.25rem 1.1rem 1rem;margin:1rem 0}
    .keys{list-style:none;margin:0;padding:0;display:grid;gap:.6rem}
    .key{display:flex;flex-direction:column;gap:.15rem;padding:.8rem 1rem;border:2px solid var(--blue-2);border-radius:.35rem;text-decoration:none;color:var(--blue);font-weight:700;background:#f7f9fd}
    a.key:hover{background:var(--blue-2);color:#fff}
    .key.disabled{border-color:var(--line);color:#767676;background:#f2f2f2;font-weight:600;cursor:not-allowed}
    .key-reason{font-weight:400;font-size:.9rem;color:var(--muted)}
    .for-application{font-weight:600}
    .login-form form{background:#fff;border:1px solid var(--line);border-radius:.4rem;padding:1rem 1.25rem;max-width:28rem}
    .field{display:flex;flex-direction:column;gap:.3rem;margin-bottom:1rem}
    .field label{font-weight:600}
    .field input{font:inherit;padding:.6rem .7rem;border:1px solid #8a94a6;border-radius:.3rem;min-height:2.75rem}
    .form-error{background:#fdecee;border-left:4px solid var(--error);color:var(--error);padding:.6rem 1rem;font-weight:600}
    .form-notice{background:#e9f5ec;border-left:4px solid #1e7b34;color:#14532d;padding:.6rem 1rem;font-weight:600}
    .notice{background:#fff7e0;border-left:4px solid var(--accent);padding:.6rem 1rem}
    .step{color:var(--muted)}
    input.code{font-size:1.4rem;letter-spacing:.3rem;max-width:12rem;font-family:monospace}
    .my-keys{list-style:none;margin:1rem 0;padding:0;display:grid;gap:.8rem}
    .my-key{background:#fff;border:1px solid var(--line);border-left:6px solid var(--line);border-radius:.4rem;padding:.2rem 1.1rem .9rem}
    .my-key.active{border-left-color:#1e7b34}
    .my-key.deactivated{border-left-color:var(--error)}
    .my-key h2{font-size:1.05rem;margin:.7rem 0 .3rem}
    .my-key p{margin:.2rem 0}
    .key-status{font-weight:700}
    .my-key .actions{display:flex;flex-wrap:wrap;gap:.6rem;margin-top:.6rem}
    .my-key .actions form{margin:0}
    .qr{background:#fff;display:inline-block;padding:.5rem;border:1px solid var(--line)}
    #totp-secret{font-size:1.05rem;background:#fff;padding:.2rem .4rem;border:1px solid var(--line)}
    .token-card{border-collapse:collapse;background:#fff;margin:1rem 0}
    .token-card td{border:1px solid #8a94a6;padding:.5rem .9rem;font-family:monospace;font-size:1.1rem}
    .token-card .position{display:inline-block;min-width:1.8rem;color:var(--muted);font-size:.85rem}
    @media print{.site-header,.site-footer,.no-print,.lead,.languages{display:none}body{background:#fff}}
    .table-scroll{overflow-x:auto}
    #activity{border-collapse:collapse;width:100%;background:#fff;font-size:.92rem}
    #activity th,#activity td{border-bottom:1px solid var(--line);padding:.45rem .6rem;text-align:left;vertical-align:top}
    #activity tr.failed td{color:var(--error)}
    .site-footer{background:#e8ebf0;border-top:1px solid var(--line);font-size:.9rem}
    .footer-inner{max-width:60rem;margin:0 auto;padding:1rem;display:flex;flex-wrap:wrap;gap:1rem;justify-content:space-between}
    .footer-inner p{margin:0;max-width:40rem;color:var(--muted)}
    .footer-inner ul{list-style:none;margin:0;padding:0;display:flex;gap:1rem}
    .account{display:flex;align-items:center;gap:.6rem;flex-wrap:wrap}
    .account p{margin:0}
    .account-label{opacity:.85}
    .account button{padding:.35rem .8rem;min-height:2.25rem}
    .session-note{font-size:.9rem;color:var(--muted);border-top:1px solid var(--line);padding-top:.6rem;margin-top:2rem}
    dialog.session-dialog{max-width:28rem;width:calc(100% - 2rem);border:0;border-top:6px solid var(--accent);border-radius:.4rem;padding:1.25rem 1.5rem;box-shadow:0 10px 40px rgba(0,0,0,.35)}
    dialog.session-dialog::backdrop{background:rgba(10,20,40,.55)}
    dialog.session-dialog h2{margin-top:0;color:var(--blue)}
    .countdown{font-size:2rem;font-weight:700;font-variant-numeric:tabular-nums;color:var(--blue)}
    .sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
    .draft-offer{background:#eef4ff;border-left:4px solid var(--blue-2);padding:.75rem 1rem;margin:1rem 0}
    .draft-offer button{margin-right:.5rem}
    .facts{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:0}
    .facts dt{font-weight:600}
    .facts dd{margin:0;overflow-wrap:anywhere}
    .data-form{background:#fff;border:1px solid var(--line);border-radius:.4rem;padding:1rem 1.25rem;margin:1rem 0}
    .data-form fieldset{border:0;padding:0;margin:0}
    .data-form legend{font-weight:700;font-size:1.1rem;color:var(--blue);margin-bottom:.5rem}
    .field .hint{font-size:.88rem;color:var(--muted)}
    .notice{background:#e9f6ec;border-left:4px solid var(--ok);padding:.6rem 1rem}
    .pending{background:#fff4d6;border-left:4px solid var(--accent);padding:.6rem 1rem}
    table.history{border-collapse:collapse;width:100%;background:#fff;font-size:.92rem}
    table.history th,table.history td{border-bottom:1px solid var(--line);padding:.45rem .6rem;text-align:left;vertical-align:top}
    .app-nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:0 0 1rem}
    .app-nav a{display:inline-block;padding:.4rem .8rem;border-radius:.3rem;background:#fff;border:1px solid var(--line);text-decoration:none;font-weight:600}
    .app-nav a[aria-current=page]{background:var(--blue-2);color:#fff;border-color:var(--blue-2)}
    /* My password and the key-removal question. */
    .password-rules{margin:.25rem 0 1rem;padding-left:1.25rem}
    .my-password section{margin-top:1.5rem;padding-top:1rem;border-top:1px solid var(--line)}
    .show-password{display:inline-block;align-self:flex-start;margin:.35rem 0 0;padding:.3rem .7rem;min-height:2.25rem;font-size:.9rem}
    .actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin-top:1rem}
    /* The account area's navigation (AreaNavigation) and the activity log's lines, cards on a phone. */
    .area-navigation{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;margin:0 0 1rem;padding:0 0 .75rem;border-bottom:1px solid var(--line)}
    .area-navigation ul{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:0}
    .area-navigation ul a{display:inline-block;padding:.4rem .8rem;border-radius:.3rem;background:#fff;border:1px solid var(--line);text-decoration:none;font-weight:600}
    .area-navigation ul a[aria-current=page]{background:var(--blue-2);color:#fff;border-color:var(--blue-2)}
    .area-back{font-weight:600}
    table.cards{width:100%;border-collapse:collapse;background:#fff}
    table.cards th,table.cards td{text-align:left;padding:.5rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
    table.cards tr.failed td:first-child{border-left:4px solid var(--error)}
    .not-me summary{cursor:pointer;color:var(--blue-2);font-weight:600}
    .not-me ol{margin:.25rem 0 .5rem;padding-left:1.25rem}
    .pager{display:flex;gap:1rem;align-items:center;justify-content:center;margin:1rem 0}
    .advice{background:#fff4d6;border-left:4px solid var(--accent);padding:.6rem .8rem}
    /* PersoSelfService: balances, the team's month (absent, half, asked; weekends and today marked). */
    table.balances td{white-space:nowrap}
    table.team-calendar{border-collapse:collapse;background:#fff;font-size:.8rem}
    table.team-calendar th,table.team-calendar td{border:1px solid var(--line);padding:.2rem .25rem;text-align:center;min-width:1.5rem}
    table.team-calendar tbody th{text-align:left;white-space:nowrap;padding:.2rem .5rem}
    table.team-calendar .off{background:#eceff3}
    table.team-calendar .today{outline:2px solid var(--blue-2);outline-offset:-2px}
    table.team-calendar td.away{background:#f8d9b9}
    table.team-calendar td.away-half{background:linear-gradient(135deg,#f8d9b9 50%,#fff 50%)}
    table.team-calendar td.asked{background:#e3ecfb}
    .decision{display:grid;gap:1rem;margin:1rem 0}
    .time-range{display:flex;flex-wrap:wrap;gap:0 1rem}
    @media (max-width:40rem){
    table.cards tbody th{display:block;width:100%;text-align:left;padding:.2rem 0;font-weight:700}
    table.cards thead{position:absolute;left:-999px}
    table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
    table.cards tr{border:1px solid var(--line);border-radius:.4rem;margin:0 0 .75rem;padding:.25rem .5rem}
    table.cards tr.failed{border-left:4px solid var(--error)}
    table.cards tr.failed td:first-child{border-left:0}
    table.cards td{border:0;padding:.2rem 0}
    table.cards td[data-label]:not([data-label=""])::before{content:attr(data-label) ": ";font-weight:600}
    }
    @media (max-width:30rem){h1{font-size:1.45rem}.header-inner{padding:.5rem .75rem}main{padding:1rem .75rem 2rem}.languages a{min-width:2.5rem;padding:.35rem .4rem}}
    /* The federal bar's belgium.be link, the footer's links, and the notices they lead to (accessibility, privacy, cookies, help desk). */
    .federal-bar-inner{max-width:58rem;margin:0 auto;display:flex;flex-wrap:wrap;align-items:center;gap:0 .6rem}
    .federal-mark{background:#fff;color:#000;padding:0 .3rem;border-radius:.15rem;line-height:1.3}
    .federal-link{color:#fff;display:inline-block;min-height:1.5rem;line-height:1.5rem;text-decoration:underline;text-underline-offset:.15em}
    .federal-link:hover{text-decoration-thickness:2px}
    .federal-tagline{font-weight:400;letter-spacing:0}
    .footer-links ul{flex-wrap:wrap;gap:.25rem 1rem}
    .footer-links a{display:inline-block;min-height:1.5rem;line-height:1.5rem}
    .notice-page{max-width:46rem}
    .notice-list li{margin:.35rem 0}
    .cookie-table{border-collapse:collapse;width:100%;background:#fff;font-size:.92rem;margin:1rem 0}
    .cookie-table caption{text-align:left;font-weight:600;padding:.25rem 0}
    .cookie-table th,.cookie-table td{border-bottom:1px solid var(--line);padding:.45rem .6rem;text-align:left;vertical-align:top}
    .cookie-table thead th{border-bottom:2px solid var(--blue-2)}
    .cookie-table code{overflow-wrap:anywhere}
    .helpdesk-details{background:#fff;border:1px solid var(--line);border-radius:.4rem;padding:1rem 1.25rem;margin:1rem 0}
    /* The eBox: a list of documents as cards (unread ones marked in bold with a bar), its filters, files with fingerprints. */
    .filters{display:flex;flex-wrap:wrap;align-items:flex-end;gap:.5rem 1rem;background:#fff;border:1px solid var(--line);border-radius:.4rem;padding:.75rem 1rem;margin:1rem 0}
    .filters .field{margin:0;flex:1 1 12rem}
    .filters select,.filters input{width:100%}
    ul.documents,ul.files{list-style:none;padding:0;margin:1rem 0}
    .documents li.document{background:#fff;border:1px solid var(--line);border-radius:.4rem;padding:.75rem 1rem;margin:0 0 .6rem}
    .documents li.unread{border-left:5px solid var(--blue-2)}
    .documents li.unread .subject{font-weight:700}
    .document-link{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:baseline;font-size:1.05rem}
    .document-facts{display:flex;flex-wrap:wrap;gap:.2rem 1rem;color:#444;font-size:.92rem;margin-top:.3rem}
    .badge{display:inline-block;border-radius:1rem;padding:0 .55rem;font-size:.8rem;font-weight:600;background:#e8eef7;color:var(--blue-2);border:1px solid var(--blue-2)}
    .badge.registered-mark{background:#fff7e0;color:#6b4e00;border-color:#b58900}
    .expiry-warning{margin:.4rem 0 0;color:var(--error);font-weight:600}
    .pagination{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:1rem 0}
    ul.files li.file{background:#fff;border:1px solid var(--line);border-radius:.4rem;padding:.6rem 1rem;margin:0 0 .6rem}
    code.sha256{overflow-wrap:anywhere;font-size:.85rem}
    .field select{font:inherit;padding:.55rem .7rem;border:1px solid #8a94a6;border-radius:.3rem;min-height:2.75rem;background:#fff;max-width:100%}
    .field.checkbox{display:flex;flex-direction:row;flex-wrap:wrap;gap:.25rem .6rem;align-items:flex-start}
    .field.checkbox input{width:auto;min-width:1.4rem;min-height:1.4rem;margin:.1rem 0 0}
    .field.checkbox label{flex:1 1 0;font-weight:400}
    .field.checkbox .form-error{flex-basis:100%}
    #consent-points{padding-left:2rem}
    #consent-points li{margin:.35rem 0}
    /* PersoContact: a case's thread (the desk's answers with a bar, internal notes on yellow), the queue's overdue rows. */
    ol.thread,ol.history{padding-left:1.5rem}
    .thread li.message{background:#fff;border:1px solid var(--line);border-radius:.4rem;padding:.6rem 1rem;margin:0 0 .6rem}
    .thread li.from-desk{border-left:5px solid var(--blue-2)}
    .thread li.internal-note{background:#fff7e0;border-color:#b58900}
    .badge.internal-mark,.badge.overdue-mark{background:#fff7e0;color:#6b4e00;border-color:#b58900;margin-left:.4rem}
    .badge.overdue-mark{background:#fdecea;color:var(--error);border-color:var(--error)}
    .message-head{margin:0 0 .3rem}
    .message-body p{margin:.2rem 0}
    table#queue{width:100%;border-collapse:collapse;background:#fff}
    table#queue th,table#queue td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
    table#queue tr.overdue td{background:#fdecea}
    dd.overdue{color:var(--error);font-weight:600}
    /* Registration offices: the week of free times as chips (the chosen one filled), the officers' desk, the printed letter. */
    .booking fieldset,.desk fieldset{background:#fff;border:1px solid var(--line);border-radius:.4rem;padding:1rem 1.25rem;margin:1rem 0}
    .booking legend,.desk legend{font-weight:700;font-size:1.1rem;color:var(--blue);padding:0 .3rem}
    .week-nav,.day-nav{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;align-items:center;margin:0 0 .75rem}
    .slot-day h2{font-size:1rem;margin:.9rem 0 .4rem;color:var(--ink)}
    .slots{display:flex;flex-wrap:wrap;gap:.4rem}
    label.slot{display:inline-flex;align-items:center;gap:.3rem;border:1px solid var(--blue-2);border-radius:.3rem;padding:.35rem .6rem;min-height:2.75rem;background:#fff;font-weight:600;cursor:pointer}
    label.slot input{margin:0;width:1.1rem;height:1.1rem}
    label.slot:has(input:checked){background:var(--blue-2);color:#fff}
    label.slot:has(input:focus-visible){outline:3px solid var(--accent);outline-offset:2px}
    .office.tile h2{font-size:1.15rem;margin-top:0}
    .office.tile dl.hours{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:.5rem 0}
    .office.tile dd{margin:0}
    .office-needs{background:#eef4ff;border-left:4px solid var(--blue-2);padding:.6rem 1rem .6rem 2rem;margin:1rem 0}
    .desk-nav{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;margin:0 0 1rem;padding:0 0 .75rem;border-bottom:1px solid var(--line)}
    .desk-nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:0}
    .desk-nav ul a{display:inline-block;padding:.4rem .8rem;border-radius:.3rem;background:#fff;border:1px solid var(--line);text-decoration:none;font-weight:600}
    .desk-office{margin:0;font-weight:600}
    .desk-nav form.find{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
    .desk-nav form.find input,.desk form select,.desk form input[type=search]{font:inherit;padding:.5rem .7rem;border:1px solid #8a94a6;border-radius:.3rem;min-height:2.75rem;background:#fff;max-width:100%}
    .desk-nav form.find input{min-width:14rem}
    .desk section{margin-top:1.5rem;padding-top:1rem;border-top:1px solid var(--line)}
    .desk .check{display:flex;gap:.4rem;align-items:center;margin:.3rem 0}
    .desk .check input{width:1.3rem;height:1.3rem}
    form.inline{display:inline;margin-left:.5rem}
    ul.people li{margin:.4rem 0}
    .letter{background:#fff;border:1px solid var(--line);border-radius:.4rem;padding:1.5rem 2rem;max-width:42rem}
    .letter-office{color:var(--muted);margin-top:0}
    .activation-code{font-size:1.2rem}
    #activation-code{font-family:ui-monospace,monospace;font-size:1.6rem;letter-spacing:.12em;border:2px dashed var(--blue-2);padding:.2rem .6rem;display:inline-block}
    .card-owner{font-weight:600}
    @media print{.letter{border:0;padding:0;max-width:none}.notice,.desk-nav{display:none}}
    .match-number{font-size:3rem;font-weight:700;letter-spacing:.15em;margin:.5rem 0;color:var(--blue-2)}
    .number-choices{display:flex;gap:1rem;flex-wrap:wrap;margin:.8rem 0}
    .number-choice{font-size:2rem;min-width:5rem;min-height:4rem;font-weight:700}
    .number-choice[aria-pressed=true]{outline:4px solid var(--blue-2);outline-offset:2px}
    .binding-message{font-weight:700;font-size:1.3rem}
    ul.phone-list li{margin:.5rem 0}
    [hidden]{display:none!important}
    ol.enrolment-steps{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;padding-left:0;list-style-position:inside;font-size:.9rem;color:var(--muted)}
    .enrol-step button + button{margin-left:.6rem}
    ol.enrolment-steps li.current{color:var(--ink);font-weight:700}
    .contract{max-height:18rem;overflow:auto;background:#fff;border:1px solid var(--line);padding:.5rem 1rem}
    .identification-token{font-family:ui-monospace,monospace;font-size:2rem;font-weight:700;letter-spacing:.12em;background:#fff;border:2px dashed var(--blue-2);display:inline-block;padding:.4rem 1rem;user-select:all}
    """#

    public static let path: String = {
        let digest = SHA256.hash(data: Data(css.utf8))
        return "/assets/persopoint-" + digest.prefix(6).map { String(format: "%02x", $0) }.joined() + ".css"
    }()
}

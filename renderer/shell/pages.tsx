/** Which page each route shows. Runtime: browser. */
import { FeeCataloguePage } from '../features/admin/fee-catalogue-page';
import { InvoiceRangesPage } from '../features/admin/invoice-ranges-page';
import { LimitsPage } from '../features/admin/limits-page';
import { PricesPage } from '../features/admin/prices-page';
import { FeePaymentPage } from '../features/cashier/fee-payment-page';
import { CardReadPage } from '../features/cards/card-read-page';
import { SalePage } from '../features/cashier/sale-page';
import { CustomerDetailPage } from '../features/customers/customer-detail-page';
import { OpenAccountPage } from '../features/customers/open-account-page';
import { SearchPage } from '../features/customers/search-page';
import { DayReportPage } from '../features/day/day-report-page';
import { ReportsPage } from '../features/reports/reports-page';
import { ServiceDeskPage } from '../features/service-desk/service-desk-page';
import { SettingsPage } from '../features/settings/settings-page';
import { ShiftPage } from '../features/shift/shift-page';
import { StaffPage } from '../features/staff/staff-page';
import type { Route } from './nav';

export function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'search':
      return <SearchPage />;
    case 'open':
      return <OpenAccountPage key={route.installation?.id ?? ''} installation={route.installation} />;
    case 'customer':
      return <CustomerDetailPage key={route.id} id={route.id} offerCard={route.offerCard} />;
    case 'cardRead':
      return <CardReadPage />;
    case 'sale':
      return <SalePage key={route.customerId ?? ''} customerId={route.customerId} />;
    case 'fees':
      return <FeePaymentPage />;
    case 'serviceDesk':
      return <ServiceDeskPage key={route.tab ?? ''} tab={route.tab} />;
    case 'shift':
      return <ShiftPage />;
    case 'day':
      return <DayReportPage />;
    case 'reports':
      return <ReportsPage />;
    case 'prices':
      return <PricesPage />;
    case 'feeCatalogue':
      return <FeeCataloguePage />;
    case 'invoices':
      return <InvoiceRangesPage />;
    case 'limits':
      return <LimitsPage />;
    case 'staff':
      return <StaffPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

/** The menu entry a route belongs to. */
export function menuKey(route: Route): string {
  switch (route.name) {
    case 'search':
    case 'open':
    case 'customer':
      return 'customers';
    case 'sale':
    case 'fees':
      return 'sale';
    default:
      return route.name;
  }
}
